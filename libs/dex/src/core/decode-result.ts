import type { Address } from 'viem';
import type { DecodedSwap } from './decoded-swap';
import type { PoolRef } from './pool-ref';

/** What a pool-metadata event proves (Uniswap V4 `Initialize`: PoolId → currency0/currency1). */
export interface PoolTokensObserved {
  readonly kind: 'pool-tokens';
  readonly pool: PoolRef;
  readonly tokens: readonly Address[];
}

/** A log the decoder recognised but could not turn into a swap, with the reason (goes to the DLQ). */
export interface DecodeRejection {
  readonly kind: 'rejected';
  readonly logIndex: number;
  readonly reason: string;
}

export type DecodeResult = ({ readonly kind: 'swap' } & DecodedSwap) | PoolTokensObserved | DecodeRejection;
