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
  /** Signed USD cost of the open quantity (negative for a short); null when some leg was booked without a price. */
  costUsd: Usd | null;
  /** Cost per whole token; null when the cost or decimals are unknown. */
  averageCostUsd: Usd | null;
  /** value − cost; null when either is unknown. */
  unrealizedPnlUsd: Usd | null;
  realizedPnlUsd: Usd;
  feesUsd: Usd;
}

export interface ExposureSnapshot {
  /** Open positions (non-zero balance). */
  positions: ValuedPosition[];
  /** Σ |value| over priced positions. */
  grossUsd: Usd;
  /** Σ value over priced positions (longs minus shorts). */
  netUsd: Usd;
  /** Σ |value| of priced stablecoin positions; with `volatileUsd` it sums to `grossUsd`. */
  stablecoinUsd: Usd;
  volatileUsd: Usd;
  /** Realized PnL over every token ever held, closed positions included, net of fees. */
  realizedPnlUsd: Usd;
  /** Σ unrealized PnL over positions where it is known. */
  unrealizedPnlUsd: Usd;
  feesUsd: Usd;
  /** False when some PnL could not be valued (a missing price at booking time or now). */
  pnlComplete: boolean;
  unpriced: Array<{ chainId: number; token: string; reason: UnpricedReason }>;
  /** Oldest price timestamp used; null when nothing was priced. */
  oldestPriceAt: number | null;
}
