import type { Address } from 'viem';
import type { KnownPool } from '@hyperdex/dex';

/**
 * Pool metadata shared by every ingestion replica: what one replica learned (from a receipt, an `Initialize`, an
 * endpoint) the others find before asking a chain.
 */
export interface PoolStore {
  find(chainId: number, address: Address, poolId?: `0x${string}`): Promise<KnownPool | undefined>;
  save(pool: KnownPool): Promise<void>;
}
