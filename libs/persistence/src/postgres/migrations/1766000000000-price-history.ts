import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every price tick the risk service received, when it received it: the prices topic is compacted (the latest per
 * token), so without this table nothing could re-run the past at the prices of the moment (`npm run replay`).
 * A tick is kept once per (token, tick time, source); `received_at` orders ticks as the live services applied them.
 */
export class PriceHistory1766000000000 implements MigrationInterface {
  name = 'PriceHistory1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS price_ticks (
        chain_id     integer NOT NULL,
        token        text NOT NULL,
        tick_at      timestamptz NOT NULL,
        source       text NOT NULL,
        price_usd    text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (chain_id, token, tick_at, source)
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS price_ticks_received_idx ON price_ticks (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS price_ticks`);
  }
}
