import type { Logger } from 'pino';
import type { ChainReceipt } from '@hyperdex/contracts';
import type { BlockSource } from './block-source';
import type { FollowCursorStore } from './follow-cursor.store';
import { extended, nextBlockOf, stepOf, withoutTip, type FollowCursor } from './follow-cursor';
import type { FollowedReceiptSink } from './followed-receipt-sink';
import { receiptFilter } from './receipt-filter';

export interface ChainFollowerOptions {
  /** The first block to ingest when no cursor is stored (a backfill starts here); the head's when undefined. */
  readonly fromBlock?: number;
  /** Blocks the head must be ahead of a block before it is ingested. */
  readonly confirmations: number;
  /** Addresses whose swaps are kept; empty = every swap. */
  readonly watched: readonly string[];
  /** How many recent blocks the cursor remembers: the deepest reorg it can undo. */
  readonly reorgDepth: number;
  /** Most blocks ingested by one step, so a long backfill still checkpoints and reports as it goes. */
  readonly maxBlocksPerStep: number;
}

export interface FollowerMetrics {
  headLag(chainId: number, blocks: number): void;
  blockIngested(chainId: number, receipts: number): void;
  reorg(chainId: number): void;
}

const REORG_REASON = 'block orphaned by a chain reorganisation';

/**
 * Follows one chain: ingests each confirmed block's swap receipts through the same pipeline as posted receipts,
 * checkpointing after every block. When a block's parent is not the block ingested before it, that block was
 * orphaned: its trades are retracted, it is dropped, and the canonical chain is replayed from the common ancestor.
 * Ingest-then-checkpoint means a crash replays at most one block, whose trade ids are the same (counted once).
 */
export class ChainFollower {
  private cursor?: FollowCursor;
  private startAt?: number;
  private readonly keep: (receipt: ChainReceipt['receipt']) => boolean;

  constructor(
    private readonly source: BlockSource,
    private readonly store: FollowCursorStore,
    private readonly sink: FollowedReceiptSink,
    private readonly options: ChainFollowerOptions,
    private readonly metrics: FollowerMetrics,
    private readonly logger: Logger,
  ) {
    this.keep = receiptFilter(options.watched);
  }

  get chainId(): number {
    return this.source.chainId;
  }

  /** Ingests what is confirmed now (up to `maxBlocksPerStep` blocks); how many blocks were ingested. */
  async step(): Promise<number> {
    const chainId = this.source.chainId;
    let cursor = (this.cursor ??= (await this.store.load(chainId)) ?? { chainId, recent: [] });
    const head = await this.source.headNumber();
    const confirmed = head - this.options.confirmations;
    this.startAt ??= this.options.fromBlock ?? confirmed;
    let ingested = 0;
    while (ingested < this.options.maxBlocksPerStep) {
      const next = nextBlockOf(cursor, this.startAt);
      this.metrics.headLag(chainId, Math.max(0, head - (next - 1)));
      if (next > confirmed) break;
      const block = await this.source.block(next);
      if (!block) break;
      const step = stepOf(cursor, block);
      if (step.kind === 'known') break;
      if (step.kind === 'extend') {
        const receipts = (await this.source.receipts(block)).filter(this.keep).map((receipt) => ({ chainId, blockTimestamp: block.timestamp, receipt }));
        const trades = receipts.length > 0 ? await this.sink.ingestBlock(receipts) : [];
        cursor = extended(cursor, { number: block.number, hash: block.hash, trades }, this.options.reorgDepth);
        await this.store.save(cursor);
        this.cursor = cursor;
        this.metrics.blockIngested(chainId, receipts.length);
        ingested++;
        continue;
      }
      const orphan = cursor.recent[cursor.recent.length - 1];
      if (!orphan) break;
      await this.sink.retract(chainId, orphan.trades, REORG_REASON);
      cursor = withoutTip(cursor);
      if (step.kind === 'too-deep') {
        // Deeper than remembered: replay from the orphan's height; older orphaned blocks cannot be undone.
        this.logger.error({ chainId, block: orphan.number }, 'reorg deeper than the follow cursor remembers');
        this.startAt = orphan.number;
      }
      await this.store.save(cursor);
      this.cursor = cursor;
      this.metrics.reorg(chainId);
      this.logger.warn({ chainId, orphaned: orphan.number, hash: orphan.hash, trades: orphan.trades.length }, 'block orphaned: trades retracted');
    }
    return ingested;
  }
}
