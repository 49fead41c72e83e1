import type { DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';

/**
 * Stage 5: one correction of the receipt's draft trades from what else the receipt shows (the wallet's transfers,
 * native wraps, fees, gas). It returns new drafts and never changes the ones it is given.
 */
export interface TradeAdjuster {
  readonly name: string;
  adjust(drafts: readonly DraftTrade[], evidence: ReceiptEvidence): readonly DraftTrade[];
}
