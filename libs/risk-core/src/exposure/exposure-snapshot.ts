import type { Usd } from '../money/usd';

export type UnpricedReason = 'no-price' | 'unknown-token';

export interface ValuedPosition {
  chainId: number;
  token: string;
  symbol: string | null;
  decimals: number | null;
  balance: bigint;
  priceUsd: Usd | null;
  priceTimestamp: number | null;
  valueUsd: Usd | null;
  /** |value| / gross exposure in [0, 1]; null when unpriced. */
  share: Usd | null;
  stablecoin: boolean;
}

export interface ExposureSnapshot {
  positions: ValuedPosition[];
  /** Σ |value| over priced positions. */
  grossUsd: Usd;
  /** Σ value over priced positions. */
  netUsd: Usd;
  unpriced: Array<{ chainId: number; token: string; reason: UnpricedReason }>;
  /** Oldest price timestamp used; null when nothing was priced. */
  oldestPriceAt: number | null;
}
