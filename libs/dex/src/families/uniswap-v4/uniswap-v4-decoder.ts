import { parseAbiItem, type Address } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, NATIVE_TOKEN, poolSwap, reject, sidesFromPoolDeltas, ZERO_ADDRESS } from '../shared/swap-result';

/**
 * Uniswap V4 PoolManager (one singleton per chain). `PoolId` is bytes32 and `Currency` an address in the ABI.
 * Swap amounts are swapper-side since v4-core PR #481 ("Flip the sign of deltas"): negative = the swapper paid it in,
 * although the natspec in `IPoolManager.sol` still says "pool balance".
 */
export const UNISWAP_V4_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(bytes32 indexed id, address indexed sender, int128 amount0, int128 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick, uint24 fee)',
  ),
);

/** Pool creation: the only place the PoolManager states which currencies a PoolId trades. */
export const UNISWAP_V4_INITIALIZE = eventLayout(
  parseAbiItem(
    'event Initialize(bytes32 indexed id, address indexed currency0, address indexed currency1, uint24 fee, int24 tickSpacing, address hooks, uint160 sqrtPriceX96, int24 tick)',
  ),
);

/** V4 writes the native coin as address(0); the trades contract uses 0xeeee…eeee. */
const currency = (address: Address): Address => (lower(address) === ZERO_ADDRESS ? NATIVE_TOKEN : lower(address));

const decodeSwap = (log: RawLog, chainId: number): DecodeResult => {
  const args = decodeLayout(UNISWAP_V4_SWAP, log);
  if (typeof args === 'string') return reject(log, `uniswap-v4: ${args}`);
  // Swapper-side → pool-side by negation, then the shared in/out rule.
  const sides = sidesFromPoolDeltas(-args.amount0, -args.amount1);
  if (typeof sides === 'string') return reject(log, `uniswap-v4: ${sides}`);
  return poolSwap(log, chainId, { family: 'uniswap-v4', poolId: args.id, ...sides, eventSender: args.sender });
};

const decodeInitialize = (log: RawLog, chainId: number): DecodeResult => {
  const args = decodeLayout(UNISWAP_V4_INITIALIZE, log);
  if (typeof args === 'string') return reject(log, `uniswap-v4: ${args}`);
  const currency0 = currency(args.currency0);
  const currency1 = currency(args.currency1);
  if (currency0 === currency1) return reject(log, `uniswap-v4: Initialize with currency0 = currency1 (${currency0})`);
  return {
    kind: 'pool-tokens',
    pool: { chainId, address: lower(log.address), poolId: args.id.toLowerCase() as `0x${string}` },
    tokens: [currency0, currency1],
  };
};

export const uniswapV4Decoder: SwapDecoder = {
  family: 'uniswap-v4',
  topic0s: [UNISWAP_V4_SWAP.topic0, UNISWAP_V4_INITIALIZE.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const topic0 = log.topics[0]?.toLowerCase();
    if (topic0 === UNISWAP_V4_SWAP.topic0) return decodeSwap(log, chainId);
    if (topic0 === UNISWAP_V4_INITIALIZE.topic0) return decodeInitialize(log, chainId);
    return reject(log, `uniswap-v4: topic0 ${log.topics[0] ?? '(none)'} is neither Swap nor Initialize`);
  },
};
