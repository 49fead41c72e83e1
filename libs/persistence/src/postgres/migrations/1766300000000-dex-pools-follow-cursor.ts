import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ingestion service's DEX tables, which it used to create on first use: `dex_pools` (pool metadata one replica
 * learned, shared by all, `DEX_POOL_STORE=postgres`) and `chain_follow_cursor` (each followed chain's recent blocks
 * and their trades, `CHAIN_FOLLOW`). `IF NOT EXISTS` with the same columns, so a database where the service already
 * created them keeps its rows.
 */
export class DexPoolsFollowCursor1766300000000 implements MigrationInterface {
  name = 'DexPoolsFollowCursor1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS dex_pools (
        chain_id    integer NOT NULL,
        address     text NOT NULL,
        pool_id     text NOT NULL DEFAULT '',
        dex_id      text,
        tokens      jsonb NOT NULL,
        underlying  jsonb NOT NULL,
        source      text NOT NULL,
        learned_at  timestamptz NOT NULL,
        PRIMARY KEY (chain_id, address, pool_id)
      )`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS chain_follow_cursor (
        chain_id      integer PRIMARY KEY,
        block_number  bigint,
        block_hash    text,
        recent        jsonb NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS chain_follow_cursor`);
    await q.query(`DROP TABLE IF EXISTS dex_pools`);
  }
}
