import type { FollowCursor } from './follow-cursor';
import type { FollowCursorStore } from './follow-cursor.store';

/** Cursors held in this process only: for measuring the follower without a database round trip per block. */
export class MemoryFollowCursorStore implements FollowCursorStore {
  private readonly cursors = new Map<number, FollowCursor>();

  async load(chainId: number): Promise<FollowCursor | undefined> {
    return this.cursors.get(chainId);
  }

  async save(cursor: FollowCursor): Promise<void> {
    this.cursors.set(cursor.chainId, cursor);
  }
}
