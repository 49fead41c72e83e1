import { parseAbiItem, type Address } from 'viem';
import type { RawLog } from '../core/raw-log';
import { decodeLayout, eventLayout } from '../families/shared/event-layout';
import { WRAPPED_NATIVE } from '../registry/wrapped-native';
import type { Erc20Transfer } from './erc20-transfers';

const DEPOSIT = eventLayout(parseAbiItem('event Deposit(address indexed dst, uint256 wad)'));
const WITHDRAWAL = eventLayout(parseAbiItem('event Withdrawal(address indexed src, uint256 wad)'));
const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** The chain's wrapped native coin and how much of it this receipt wrapped and unwrapped. */
export interface NativeWraps {
  readonly wrapped: Address;
  readonly wraps: readonly bigint[];
  readonly unwraps: readonly bigint[];
}

/**
 * Wrapping as the receipt shows it: WETH9 and its clones emit `Deposit`/`Withdrawal`; Arbitrum's WETH mints and burns
 * (a Transfer from / to the zero address) instead.
 */
export function nativeWrapsOf(chainId: number, logs: readonly RawLog[], transfers: readonly Erc20Transfer[]): NativeWraps | undefined {
  const wrapped = WRAPPED_NATIVE[chainId];
  if (!wrapped) return undefined;
  const wraps: bigint[] = [];
  const unwraps: bigint[] = [];
  for (const log of logs) {
    if (log.address !== wrapped) continue;
    const deposit = log.topics[0] === DEPOSIT.topic0 ? decodeLayout(DEPOSIT, log) : undefined;
    if (deposit !== undefined && typeof deposit !== 'string') wraps.push(deposit.wad);
    const withdrawal = log.topics[0] === WITHDRAWAL.topic0 ? decodeLayout(WITHDRAWAL, log) : undefined;
    if (withdrawal !== undefined && typeof withdrawal !== 'string') unwraps.push(withdrawal.wad);
  }
  for (const t of transfers) {
    if (t.token !== wrapped) continue;
    if (t.from === ZERO) wraps.push(t.value);
    else if (t.to === ZERO) unwraps.push(t.value);
  }
  return { wrapped, wraps, unwraps };
}

/** The total of some token amounts. */
export const sum = (values: readonly bigint[]): bigint => values.reduce((total, v) => total + v, 0n);

/**
 * Whether the wrapped coin a route starts (ends) with was the sender's native coin, wrapped (unwrapped) by the router:
 * the sender moved none of the wrapped token themselves, and the receipt wrapped (unwrapped) exactly that amount — in
 * one event, in all of them, or net of the part unwrapped back (a router that wraps all it was sent and refunds the
 * rest).
 */
export function isNativeLeg(side: 'in' | 'out', amount: bigint, senderWrappedFlow: bigint, wraps: NativeWraps): boolean {
  const [moved, back] = side === 'in' ? [wraps.wraps, wraps.unwraps] : [wraps.unwraps, wraps.wraps];
  const untouched = side === 'in' ? senderWrappedFlow >= 0n : senderWrappedFlow <= 0n;
  return untouched && amount > 0n && (moved.includes(amount) || sum(moved) === amount || sum(moved) - sum(back) === amount);
}
