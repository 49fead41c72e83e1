import { decodeEventLog, parseAbiItem, toEventSelector, type DecodeEventLogReturnType, type Hex } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { lower, reject } from '../shared/swap-result';

/**
 * CoW Protocol GPv2Settlement `Trade` (cowprotocol/contracts `GPv2Settlement.sol`). One event per settled order; the
 * user is the order `owner` (tx.from is the solver). `sellAmount` already includes `feeAmount`
 * (`executedSellAmount.add(executedFeeAmount)` before the emit), so amountIn is sellAmount and the fee is reported
 * beside it, in the sell token. Newer orders take the fee inside the price and emit `feeAmount = 0`: no `fee` then.
 */
export const COW_TRADE = parseAbiItem(
  'event Trade(address indexed owner, address sellToken, address buyToken, uint256 sellAmount, uint256 buyAmount, uint256 feeAmount, bytes orderUid)',
);
export const COW_TRADE_TOPIC0: Hex = toEventSelector(COW_TRADE);

const ABI = [COW_TRADE] as const;
const HEX = /^0x[0-9a-fA-F]*$/;
// 6 head words + the bytes length word + 56 bytes of orderUid padded to 64.
const DATA_LENGTH = 2 + 64 * 9;
// orderUid = orderDigest (32) ‖ owner (20) ‖ validTo (4).
const ORDER_UID_BYTES = 56;

type TradeArgs = NonNullable<DecodeEventLogReturnType<typeof ABI>['args']>;

const decodeArgs = (log: RawLog): TradeArgs | string => {
  try {
    return decodeEventLog({ abi: ABI, data: log.data, topics: log.topics as [Hex, ...Hex[]], strict: true }).args ?? 'no arguments decoded';
  } catch (error: unknown) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  }
};

export const cowProtocolDecoder: SwapDecoder = {
  family: 'cow-protocol',
  topic0s: [COW_TRADE_TOPIC0],
  decode(log: RawLog, chainId: number): DecodeResult {
    if (log.topics.length !== 2) return reject(log, `cow-protocol: Trade: expected 2 topics, got ${log.topics.length}`);
    if (log.topics[0]?.toLowerCase() !== COW_TRADE_TOPIC0) return reject(log, `cow-protocol: topic0 ${log.topics[0]} is not Trade`);
    if (typeof log.data !== 'string' || log.data.length !== DATA_LENGTH || !HEX.test(log.data)) {
      return reject(log, `cow-protocol: Trade: expected ${(DATA_LENGTH - 2) / 2} hex data bytes (56-byte orderUid)`);
    }
    const args = decodeArgs(log);
    if (typeof args === 'string') return reject(log, `cow-protocol: Trade: ${args}`);
    const owner = lower(args.owner);
    if ((args.orderUid.length - 2) / 2 !== ORDER_UID_BYTES || `0x${args.orderUid.slice(66, 106).toLowerCase()}` !== owner) {
      return reject(log, `cow-protocol: orderUid ${args.orderUid} is not a 56-byte uid of owner ${owner}`);
    }
    if (args.sellAmount <= 0n || args.buyAmount <= 0n) {
      return reject(log, `cow-protocol: zero amount (sell ${args.sellAmount}, buy ${args.buyAmount})`);
    }
    if (args.feeAmount > args.sellAmount) return reject(log, `cow-protocol: feeAmount ${args.feeAmount} exceeds sellAmount ${args.sellAmount}`);
    const sellToken = { address: lower(args.sellToken) };
    return {
      kind: 'swap',
      family: 'cow-protocol',
      level: 'aggregator',
      pool: { chainId, address: lower(log.address) },
      logIndex: log.logIndex,
      tokenIn: sellToken,
      amountIn: args.sellAmount,
      tokenOut: { address: lower(args.buyToken) },
      amountOut: args.buyAmount,
      trader: owner,
      ...(args.feeAmount > 0n ? { fee: { token: sellToken, amount: args.feeAmount } } : {}),
    };
  },
};
