import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price ticks by tick time: a restarted risk service reloads the market's recent bars (the newest tick, then every
 * tick of the last few hundred bars) instead of waiting ~20 bars for VaR; without this index both reads scan the table.
 */
export class PriceTicksByTime1766700000000 implements MigrationInterface {
  name = 'PriceTicksByTime1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS price_ticks_tick_at_idx ON price_ticks (tick_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS price_ticks_tick_at_idx`);
  }
}
