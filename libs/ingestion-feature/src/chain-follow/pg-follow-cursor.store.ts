import type { Pool } from 'pg';
import type { FollowCursor, FollowedBlockRef } from './follow-cursor';
import type { FollowCursorStore } from './follow-cursor.store';
import { onMigratedTable } from '../migrated-table';

const TABLE = 'chain_follow_cursor';

/**
 * Follow cursors in PostgreSQL (`chain_follow_cursor`, created by the migrations): one row per chain, the recent
 * blocks (number, hash, their trades) as JSON. A save replaces the row in one statement, so a crash leaves the
 * previous cursor or the new one, never half of each.
 */
export class PgFollowCursorStore implements FollowCursorStore {
  constructor(private readonly pool: Pool) {}

  async load(chainId: number): Promise<FollowCursor | undefined> {
    const { rows } = await onMigratedTable(TABLE, () =>
      this.pool.query<{ recent: FollowedBlockRef[] }>('SELECT recent FROM chain_follow_cursor WHERE chain_id = $1', [chainId]),
    );
    const [row] = rows;
    return row ? { chainId, recent: row.recent } : undefined;
  }

  async save(cursor: FollowCursor): Promise<void> {
    const tip = cursor.recent[cursor.recent.length - 1];
    await onMigratedTable(TABLE, () =>
      this.pool.query(
        `INSERT INTO chain_follow_cursor (chain_id, block_number, block_hash, recent, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (chain_id) DO UPDATE SET block_number = $2, block_hash = $3, recent = $4, updated_at = now()`,
        [cursor.chainId, tip?.number ?? null, tip?.hash ?? null, JSON.stringify(cursor.recent)],
      ),
    );
  }
}
