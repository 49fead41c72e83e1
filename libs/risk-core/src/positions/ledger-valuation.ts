import type { UsdAmount } from '../money/usd-amount';

/**
 * The USD figures a ledger event was booked at, fixed when it was first applied. Stored beside the event so a replay
 * (after a restart or a retraction) books exactly what was booked the first time, whatever prices are now.
 */
export interface LedgerValuation {
  /** USD value exchanged in a swap, or of the tokens moved by a transfer; null when no side had a price. */
  readonly valueUsd: UsdAmount | null;
  /** The USD value of each fee, in the order of the event's `fees`; null where the fee token had no price. */
  readonly feesUsd: readonly (UsdAmount | null)[];
}
