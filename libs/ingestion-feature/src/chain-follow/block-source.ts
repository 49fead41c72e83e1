import type { ChainReceipt } from '@hyperdex/contracts';
import type { BlockHeader } from './follow-cursor';

/** A block with its transactions' hashes and its time (seconds). */
export interface SourceBlock extends BlockHeader {
  readonly timestamp: number;
  readonly transactions: readonly string[];
}

/** What the follower asks a chain: its head, a block by number, and that block's receipts. */
export interface BlockSource {
  readonly chainId: number;
  headNumber(): Promise<number>;
  /** The canonical block at `number`, or null when the chain has none yet. */
  block(number: number): Promise<SourceBlock | null>;
  receipts(block: SourceBlock): Promise<ChainReceipt['receipt'][]>;
}
