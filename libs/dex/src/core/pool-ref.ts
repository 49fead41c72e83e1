import type { Address, Hex } from 'viem';

/**
 * The liquidity a swap hit: the emitting contract, plus the pool id inside it for singletons (Uniswap V4 PoolId,
 * Balancer V2 poolId). `address` is lower-case.
 */
export interface PoolRef {
  readonly chainId: number;
  readonly address: Address;
  readonly poolId?: Hex;
}

/** Cache key of a pool: `chainId:address[:poolId]`. */
export const poolKey = (pool: PoolRef): string =>
  pool.poolId ? `${pool.chainId}:${pool.address}:${pool.poolId.toLowerCase()}` : `${pool.chainId}:${pool.address}`;
