import type { UsdAmount } from '../money/usd-amount';

/**
 * One user's position in one token under the average-cost method.
 *
 * `quantity` is signed base units (negative = more sold than bought: a short, or holdings acquired before tracking
 * began). `costUsd` is the signed USD cost of the open quantity: what was paid for a long, minus what was received
 * for a short. It is meaningful only while `costKnown`; a leg exchanged without any price makes it unknown until the
 * position is closed, so a missing price is never silently a zero cost.
 */
export interface TokenPosition {
  readonly chainId: number;
  readonly token: string;
  quantity: bigint;
  costUsd: UsdAmount;
  costKnown: boolean;
  /** Realized PnL of this token's disposals, net of the fees paid in this token. */
  realizedPnlUsd: UsdAmount;
  /** USD value of fees paid in this token (positive = paid). */
  feesUsd: UsdAmount;
  /** Disposals or fees whose PnL could not be valued for want of a price. */
  unvaluedEvents: number;
}
