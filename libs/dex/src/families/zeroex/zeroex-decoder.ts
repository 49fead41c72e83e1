import { decodeEventLog, parseAbiItem, toEventSelector, type DecodeEventLogReturnType, type Hex } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { lower, reject } from '../shared/swap-result';

/**
 * Zeroex: `event TransformedERC20(address indexed taker, address inputToken, address outputToken, uint256 inputTokenAmount, uint256 outputTokenAmount)`.
 * Scaffolded by `nx g ./tools/dex-plugin:dex-family`; the ABI item is parsed once at module load and viem computes the
 * topic0 from it. Write the event → swap mapping in `toSwap` and prove it on real receipts in `fixtures/`.
 *
 * 0x Exchange Proxy summary event: one per `transformERC20` call (the route's hops emit their own pool events), so it
 * is an aggregator-level swap. The user is `taker`, which differs from tx.from for meta-transactions. `0xeeee…` = ETH.
 */
export const ZEROEX_EVENT = parseAbiItem('event TransformedERC20(address indexed taker, address inputToken, address outputToken, uint256 inputTokenAmount, uint256 outputTokenAmount)');
export const ZEROEX_TOPIC0: Hex = toEventSelector(ZEROEX_EVENT);

const ABI = [ZEROEX_EVENT] as const;
const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;
const DATA_LENGTH = 2 + 64 * 4;

export type ZeroexEventArgs = NonNullable<DecodeEventLogReturnType<typeof ABI>['args']>;

/** Decodes the log with viem, or returns why it cannot (never throws). */
const decodeArgs = (log: RawLog): ZeroexEventArgs | string => {
  if (log.topics[0]?.toLowerCase() !== ZEROEX_TOPIC0) return `topic0 ${log.topics[0]} is not TransformedERC20`;
  if (typeof log.data !== 'string' || !HEX.test(log.data)) return 'TransformedERC20: data is not hex bytes';
  try {
    return decodeEventLog({ abi: ABI, data: log.data, topics: log.topics as [Hex, ...Hex[]], strict: true }).args ?? 'no arguments decoded';
  } catch (error: unknown) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  }
};

/** The event → swap mapping: which side went in, which came out, who the event names (see DecodedSwap). */
const toSwap = (log: RawLog, chainId: number, args: ZeroexEventArgs): DecodeResult => {
  // Exactly 2 topics and 4 data words: anything else is another event sharing the topic0, or garbage.
  if (log.topics.length !== 2 || log.data.length !== DATA_LENGTH) {
    return reject(log, `zeroex: TransformedERC20 needs 2 topics and ${(DATA_LENGTH - 2) / 2} data bytes`);
  }
  if (args.inputTokenAmount <= 0n || args.outputTokenAmount <= 0n) {
    return reject(log, `zeroex: zero amount (in ${args.inputTokenAmount}, out ${args.outputTokenAmount})`);
  }
  return {
    kind: 'swap',
    family: 'zeroex',
    level: 'aggregator',
    pool: { chainId, address: lower(log.address) },
    logIndex: log.logIndex,
    tokenIn: { address: lower(args.inputToken) },
    amountIn: args.inputTokenAmount,
    tokenOut: { address: lower(args.outputToken) },
    amountOut: args.outputTokenAmount,
    trader: lower(args.taker),
  };
};

export const zeroexDecoder: SwapDecoder = {
  family: 'zeroex',
  topic0s: [ZEROEX_TOPIC0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeArgs(log);
    if (typeof args === 'string') return reject(log, `zeroex: ${args}`);
    return toSwap(log, chainId, args);
  },
};
