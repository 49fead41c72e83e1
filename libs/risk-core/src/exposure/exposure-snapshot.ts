import type { UsdAmount, UsdPrice } from '../money/usd-amount';

export type UnpricedReason = 'no-price' | 'unknown-token';

export interface ValuedPosition {
  chainId: number;
  token: string;
  symbol: string | null;
  decimals: number | null;
  balance: bigint;
  /** USD per whole token (36-decimal fixed point). */
  price: UsdPrice | null;
  priceText: string | null;
  priceTimestamp: number | null;
  valueUsd: UsdAmount | null;
  /** |value| / gross exposure in [0, 1] as 18-decimal fixed point; null when unpriced. */
  share: bigint | null;
  stablecoin: boolean;
  /** Signed USD cost of the open quantity (negative for a short); null when some leg was booked without a price. */
  costUsd: UsdAmount | null;
  /** Cost per whole token (36-decimal fixed point, like prices); null when the cost or decimals are unknown. */
  averageCost: UsdPrice | null;
  /** value − cost; null when either is unknown. */
  unrealizedPnlUsd: UsdAmount | null;
  realizedPnlUsd: UsdAmount;
  feesUsd: UsdAmount;
}

export interface ExposureSnapshot {
  /** Open positions (non-zero balance). */
  positions: ValuedPosition[];
  /** Σ |value| over priced positions. */
  grossUsd: UsdAmount;
  /** Σ value over priced positions (longs minus shorts). */
  netUsd: UsdAmount;
  /** Σ |value| of priced stablecoin positions; with `volatileUsd` it sums to `grossUsd`. */
  stablecoinUsd: UsdAmount;
  volatileUsd: UsdAmount;
  /** Realized PnL over every token ever held, closed positions included, net of fees. */
  realizedPnlUsd: UsdAmount;
  /** Σ unrealized PnL over positions where it is known. */
  unrealizedPnlUsd: UsdAmount;
  feesUsd: UsdAmount;
  /** False when some PnL could not be valued (a missing price at booking time or now). */
  pnlComplete: boolean;
  unpriced: Array<{ chainId: number; token: string; reason: UnpricedReason }>;
  /** Oldest price timestamp used; null when nothing was priced. */
  oldestPriceAt: number | null;
}
