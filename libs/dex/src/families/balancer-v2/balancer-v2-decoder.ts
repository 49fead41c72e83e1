import { parseAbiItem, type Address } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, poolSwap, reject } from '../shared/swap-result';

/**
 * Balancer V2 Vault (one address on every chain): every pool's swaps are emitted by the Vault, with the poolId and
 * both tokens indexed. Balancer reports WETH even when the user paid ETH (the Vault wraps it).
 */
export const BALANCER_V2_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(bytes32 indexed poolId, address indexed tokenIn, address indexed tokenOut, uint256 amountIn, uint256 amountOut)',
  ),
);

/** A V2 poolId starts with the pool's address (then specialization and nonce). */
const poolAddressOf = (poolId: `0x${string}`): Address => lower(poolId.slice(0, 42) as Address);

export const balancerV2Decoder: SwapDecoder = {
  family: 'balancer-v2',
  topic0s: [BALANCER_V2_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(BALANCER_V2_SWAP, log);
    if (typeof args === 'string') return reject(log, `balancer-v2: ${args}`);
    const pool = poolAddressOf(args.poolId);
    const tokenIn = lower(args.tokenIn);
    const tokenOut = lower(args.tokenOut);
    // Composable/linear pools trade their own BPT through Swap: that is a join or an exit, not a trade.
    if (tokenIn === pool || tokenOut === pool) {
      return reject(log, `balancer-v2: swap ${tokenIn === pool ? 'in' : 'out'} of the pool's own BPT ${pool} is a ${tokenIn === pool ? 'exit' : 'join'}, not a trade`);
    }
    if (tokenIn === tokenOut) return reject(log, `balancer-v2: tokenIn = tokenOut (${tokenIn})`);
    return poolSwap(log, chainId, {
      family: 'balancer-v2',
      poolId: args.poolId,
      tokenIn: { address: tokenIn },
      amountIn: args.amountIn,
      tokenOut: { address: tokenOut },
      amountOut: args.amountOut,
    });
  },
};
