import type { FollowCursor } from './follow-cursor';

/** Where followers keep their cursors, so a restart (or another replica) resumes where the last one stopped. */
export interface FollowCursorStore {
  load(chainId: number): Promise<FollowCursor | undefined>;
  save(cursor: FollowCursor): Promise<void>;
}
