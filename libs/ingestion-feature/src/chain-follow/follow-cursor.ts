/** A trade a followed block produced: enough to retract it if the block is orphaned. */
export interface FollowedTradeRef {
  readonly tradeId: string;
  readonly userId: string;
  readonly timestamp: number;
}

/** One block the follower has ingested. */
export interface FollowedBlockRef {
  readonly number: number;
  readonly hash: string;
  readonly trades: readonly FollowedTradeRef[];
}

/**
 * Where a chain's follower stands: the last blocks it ingested, newest last, kept `depth` deep so a reorg within that
 * depth can be undone (their trades retracted) after a restart too.
 */
export interface FollowCursor {
  readonly chainId: number;
  readonly recent: readonly FollowedBlockRef[];
}

/** A block header as the chain reports it. */
export interface BlockHeader {
  readonly number: number;
  readonly hash: string;
  readonly parentHash: string;
}

export type CursorStep =
  /** The block extends the cursor (or the cursor is empty): ingest it. */
  | { readonly kind: 'extend' }
  /** The block is already ingested with the same hash: skip it. */
  | { readonly kind: 'known' }
  /**
   * The block's parent is not the cursor's tip: the newest ingested block was orphaned. Retract its trades, drop it
   * and look again (the canonical chain is replayed from the common ancestor).
   */
  | { readonly kind: 'orphaned'; readonly block: FollowedBlockRef }
  /** The cursor's whole window was orphaned: deeper than it remembers. */
  | { readonly kind: 'too-deep' };

/** The next block the cursor expects, or `start` when it has none yet. */
export const nextBlockOf = (cursor: FollowCursor, start: number): number => {
  const tip = cursor.recent[cursor.recent.length - 1];
  return tip ? tip.number + 1 : start;
};

/** How `header` (the canonical block at the cursor's next number) relates to what the cursor ingested. */
export function stepOf(cursor: FollowCursor, header: BlockHeader): CursorStep {
  const tip = cursor.recent[cursor.recent.length - 1];
  if (!tip) return { kind: 'extend' };
  if (header.number <= tip.number) {
    const same = cursor.recent.find((b) => b.number === header.number);
    return same && same.hash === header.hash ? { kind: 'known' } : { kind: 'orphaned', block: tip };
  }
  if (header.number === tip.number + 1 && header.parentHash === tip.hash) return { kind: 'extend' };
  if (header.number !== tip.number + 1) throw new Error(`block ${header.number} is not the next after ${tip.number}`);
  return cursor.recent.length > 1 ? { kind: 'orphaned', block: tip } : { kind: 'too-deep' };
}

/** The cursor with `block` ingested, keeping the last `depth` blocks. */
export const extended = (cursor: FollowCursor, block: FollowedBlockRef, depth: number): FollowCursor => ({
  chainId: cursor.chainId,
  recent: [...cursor.recent, block].slice(-Math.max(1, depth)),
});

/** The cursor with its newest block dropped (it was orphaned). */
export const withoutTip = (cursor: FollowCursor): FollowCursor => ({ chainId: cursor.chainId, recent: cursor.recent.slice(0, -1) });
