import { decodeEventLog, parseAbiItem, toEventSelector, type DecodeEventLogReturnType, type Hex } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { TokenRef } from '../../core/token-ref';
import type { SwapDecoder } from '../../core/swap-decoder';
import { poolSwap, reject } from '../shared/swap-result';

/**
 * Maverick V2 pools: `PoolSwap` carries the caller's swap params as a (static) tuple, so the shared static-layout
 * helper does not apply; the tuple is inline in the data, which keeps the length fixed: 8 words.
 */
export const MAVERICK_V2_POOL_SWAP = parseAbiItem(
  'event PoolSwap(address sender, address recipient, (uint256 amount, bool tokenAIn, bool exactOutput, int32 tickLimit) params, uint256 amountIn, uint256 amountOut)',
);
export const MAVERICK_V2_POOL_SWAP_TOPIC0: Hex = toEventSelector(MAVERICK_V2_POOL_SWAP);

const ABI = [MAVERICK_V2_POOL_SWAP] as const;
const DATA_LENGTH = 2 + 64 * 8;
const HEX = /^0x[0-9a-fA-F]*$/;
const TOKEN_A: TokenRef = { slot: 0 };
const TOKEN_B: TokenRef = { slot: 1 };

type PoolSwapArgs = NonNullable<DecodeEventLogReturnType<typeof ABI>['args']>;

const decodeArgs = (data: Hex): PoolSwapArgs | string => {
  try {
    return decodeEventLog({ abi: ABI, data, topics: [MAVERICK_V2_POOL_SWAP_TOPIC0], strict: true }).args ?? 'no arguments decoded';
  } catch (error: unknown) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  }
};

export const maverickV2Decoder: SwapDecoder = {
  family: 'maverick-v2',
  topic0s: [MAVERICK_V2_POOL_SWAP_TOPIC0],
  decode(log: RawLog, chainId: number): DecodeResult {
    if (log.topics.length !== 1) return reject(log, `maverick-v2: PoolSwap: expected 1 topic, got ${log.topics.length}`);
    if (log.topics[0]?.toLowerCase() !== MAVERICK_V2_POOL_SWAP_TOPIC0) {
      return reject(log, `maverick-v2: topic0 ${log.topics[0]} is not PoolSwap`);
    }
    if (typeof log.data !== 'string' || log.data.length !== DATA_LENGTH || !HEX.test(log.data)) {
      return reject(log, `maverick-v2: PoolSwap: expected ${(DATA_LENGTH - 2) / 2} hex data bytes`);
    }
    const args = decodeArgs(log.data);
    if (typeof args === 'string') return reject(log, `maverick-v2: PoolSwap: ${args}`);
    const tokenAIn = args.params.tokenAIn;
    return poolSwap(log, chainId, {
      family: 'maverick-v2',
      tokenIn: tokenAIn ? TOKEN_A : TOKEN_B,
      amountIn: args.amountIn,
      tokenOut: tokenAIn ? TOKEN_B : TOKEN_A,
      amountOut: args.amountOut,
      eventSender: args.sender,
      eventRecipient: args.recipient,
    });
  },
};
