import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { BALANCER_V3_UNWRAP, BALANCER_V3_WRAP, decodeBufferConversion } from './balancer-v3-buffer';
import { lower, poolSwap, reject } from '../shared/swap-result';

/**
 * Balancer V3 Vault, as deployed: 3 topics and 4 data words. The `IVaultEvents.sol` in the monorepo history carries a
 * pre-release version with an extra `swapFeeToken` (different topic0); real logs do not have it.
 */
export const BALANCER_V3_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed pool, address indexed tokenIn, address indexed tokenOut, uint256 amountIn, uint256 amountOut, uint256 swapFeePercentage, uint256 swapFeeAmount)',
  ),
);

/**
 * PoolRef: the Vault emits, the pool address is the id inside it (as V2's poolId). The Vault's buffer `Wrap`/`Unwrap`
 * conversions are hops of the same family (see balancer-v3-buffer.ts).
 */
export const balancerV3Decoder: SwapDecoder = {
  family: 'balancer-v3',
  topic0s: [BALANCER_V3_SWAP.topic0, BALANCER_V3_WRAP.topic0, BALANCER_V3_UNWRAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    if (log.topics[0] !== BALANCER_V3_SWAP.topic0) return decodeBufferConversion(log, chainId);
    const args = decodeLayout(BALANCER_V3_SWAP, log);
    if (typeof args === 'string') return reject(log, `balancer-v3: ${args}`);
    const pool = lower(args.pool);
    const tokenIn = lower(args.tokenIn);
    const tokenOut = lower(args.tokenOut);
    if (tokenIn === pool || tokenOut === pool) {
      return reject(log, `balancer-v3: swap ${tokenIn === pool ? 'in' : 'out'} of the pool's own BPT ${pool} is a ${tokenIn === pool ? 'exit' : 'join'}, not a trade`);
    }
    if (tokenIn === tokenOut) return reject(log, `balancer-v3: tokenIn = tokenOut (${tokenIn})`);
    return poolSwap(log, chainId, {
      family: 'balancer-v3',
      poolId: pool,
      tokenIn: { address: tokenIn },
      amountIn: args.amountIn,
      tokenOut: { address: tokenOut },
      amountOut: args.amountOut,
    });
  },
};
