import type { ChainReceipt } from '@hyperdex/contracts';
import type { FollowedTradeRef } from './follow-cursor';

/** Where followed receipts go: the same ingestion as posted receipts, and retractions of an orphaned block's trades. */
export interface FollowedReceiptSink {
  /** Ingests one block's receipts; the trades they produced. */
  ingestBlock(receipts: readonly ChainReceipt[]): Promise<FollowedTradeRef[]>;
  retract(chainId: number, trades: readonly FollowedTradeRef[], reason: string): Promise<void>;
}
