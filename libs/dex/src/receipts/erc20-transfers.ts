import { parseAbiItem, type Address } from 'viem';
import type { RawLog } from '../core/raw-log';
import { decodeLayout, eventLayout } from '../families/shared/event-layout';

const TRANSFER = eventLayout(parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)'));
export const TRANSFER_TOPIC0 = TRANSFER.topic0;

export interface Erc20Transfer {
  readonly token: Address;
  readonly from: Address;
  readonly to: Address;
  readonly value: bigint;
  readonly logIndex: number;
}

/** The ERC-20 Transfer logs of a receipt (ERC-721 transfers share the topic0 but index the id: skipped). */
export function erc20TransfersOf(logs: readonly RawLog[]): Erc20Transfer[] {
  const transfers: Erc20Transfer[] = [];
  for (const log of logs) {
    if (log.topics[0] !== TRANSFER_TOPIC0 || log.topics.length !== 3 || log.data.length !== 66) continue;
    const args = decodeLayout(TRANSFER, log);
    if (typeof args === 'string') continue;
    transfers.push({ token: log.address, from: args.from.toLowerCase() as Address, to: args.to.toLowerCase() as Address, value: args.value, logIndex: log.logIndex });
  }
  return transfers;
}

/** A user's net ERC-20 flow per token across the transfers (positive = received). */
export function netFlowsOf(user: Address, transfers: readonly Erc20Transfer[]): Map<Address, bigint> {
  const flows = new Map<Address, bigint>();
  for (const t of transfers) {
    if (t.from === t.to) continue;
    if (t.to === user) flows.set(t.token, (flows.get(t.token) ?? 0n) + t.value);
    if (t.from === user) flows.set(t.token, (flows.get(t.token) ?? 0n) - t.value);
  }
  return flows;
}
