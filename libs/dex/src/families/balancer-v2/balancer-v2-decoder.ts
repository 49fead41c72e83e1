import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, poolSwap, reject } from '../shared/swap-result';

/**
 * Balancer V2 Vault (one address on every chain): every pool's swaps are emitted by the Vault, with the poolId and
 * both tokens indexed. Balancer reports WETH even when the user paid ETH (the Vault wraps it). A pool's own BPT is
 * an ordinary token of the swap (composable stable and linear pools).
 */
export const BALANCER_V2_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(bytes32 indexed poolId, address indexed tokenIn, address indexed tokenOut, uint256 amountIn, uint256 amountOut)',
  ),
);

export const balancerV2Decoder: SwapDecoder = {
  family: 'balancer-v2',
  topic0s: [BALANCER_V2_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(BALANCER_V2_SWAP, log);
    if (typeof args === 'string') return reject(log, `balancer-v2: ${args}`);
    const tokenIn = lower(args.tokenIn);
    const tokenOut = lower(args.tokenOut);
    // Composable and linear (boosted) pools swap their own BPT: boosted routes hop USDC → bb-USDC → bb-USD → … and the
    // BPTs net out inside the route; a swap that ends in a BPT leaves the user holding that token. Either way it is a
    // hop like any other: rejecting it would withhold every boosted-pool route.
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
