import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the gateway reads besides the exposure cache: each user's latest risk metrics, and the exposure/equity
 * history (one row per exposure snapshot). With TimescaleDB the history is a hypertable with hourly and daily
 * continuous aggregates; without it, a table range-partitioned by month whose partitions the writer adds as months
 * come (ExposureHistoryRepository), read with date_trunc buckets.
 */
export class GatewayReads1765600000000 implements MigrationInterface {
  name = 'GatewayReads1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_metrics_latest (
        user_id     text PRIMARY KEY,
        as_of       timestamptz NOT NULL,
        event_id    text NOT NULL,
        metrics     jsonb NOT NULL
      )`);
    const timescale: Array<{ present: boolean }> = await q.query(
      `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') AS present`,
    );
    const columns = `
        user_id             text NOT NULL,
        at                  timestamptz NOT NULL,
        event_id            text NOT NULL,
        gross_exposure_usd  numeric NOT NULL,
        net_exposure_usd    numeric NOT NULL,
        realized_pnl_usd    numeric NOT NULL,
        unrealized_pnl_usd  numeric NOT NULL,
        PRIMARY KEY (user_id, at, event_id)`;
    if (timescale[0]?.present) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS timescaledb`);
      await q.query(`CREATE TABLE exposure_history (${columns})`);
      await q.query(`SELECT create_hypertable('exposure_history', 'at', chunk_time_interval => INTERVAL '1 day')`);
      for (const bucket of ['hour', 'day'] as const) {
        await q.query(`
          CREATE MATERIALIZED VIEW exposure_history_${bucket} WITH (timescaledb.continuous) AS
          SELECT user_id, time_bucket(INTERVAL '1 ${bucket}', at) AS bucket,
                 last(gross_exposure_usd, at) AS gross_exposure_usd, max(gross_exposure_usd) AS max_gross_exposure_usd,
                 last(net_exposure_usd, at) AS net_exposure_usd, last(realized_pnl_usd, at) AS realized_pnl_usd,
                 last(unrealized_pnl_usd, at) AS unrealized_pnl_usd, count(*) AS samples
            FROM exposure_history GROUP BY user_id, bucket WITH NO DATA`);
        // Real-time aggregation (the default) adds the rows not yet materialized, so reads never lag the writer.
        await q.query(`SELECT add_continuous_aggregate_policy('exposure_history_${bucket}', start_offset => NULL, end_offset => INTERVAL '1 ${bucket}', schedule_interval => INTERVAL '1 ${bucket}')`);
      }
      return;
    }
    await q.query(`CREATE TABLE exposure_history (${columns}) PARTITION BY RANGE (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS exposure_history_day`);
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS exposure_history_hour`);
    await q.query(`DROP TABLE exposure_history`);
    await q.query(`DROP TABLE risk_metrics_latest`);
  }
}
