import type { UsdAmount } from '../money/usd-amount';

/**
 * What one ledger event did to the user's PnL. A swap that reduced an existing position is a closed trade, the unit
 * of win rate and losing streaks; one that only opened or extended positions is not.
 */
export interface TradeOutcome {
  readonly id: string;
  readonly timestamp: number;
  /** True when the event disposed of some previously held quantity. */
  readonly closesPosition: boolean;
  /** Realized PnL of the event net of its fees; null when a price it needed was missing. */
  readonly realizedPnlUsd: UsdAmount | null;
  /** USD value exchanged (the trade's size); null when unpriced. */
  readonly notionalUsd: UsdAmount | null;
  /** Fees valued in USD (positive = paid); null when any fee token was unpriced. */
  readonly feesUsd: UsdAmount | null;
}
