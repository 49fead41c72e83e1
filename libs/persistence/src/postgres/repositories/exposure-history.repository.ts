import { Injectable } from '@nestjs/common';
import type { ExposureUpdate, HistoryBucket, HistoryPoint } from '@hyperdex/contracts';
import { SqlDatabase } from '../../sql/sql-database';

interface PointRow {
  t: string;
  gross: string;
  max_gross: string;
  net: string;
  realized: string;
  unrealized: string;
  equity: string;
  samples: string;
}

/** Already exists: another writer made the partition between our check and our CREATE. */
const RACED = new Set(['42P07', '23505']);

const monthStart = (ms: number): Date => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
};

/**
 * The exposure/equity history: one row per exposure snapshot, read back bucketed per minute, hour or day. On plain
 * PostgreSQL the table is range-partitioned by month and this writer adds each month's partition the first time a
 * snapshot falls in it (old months can then be detached or dropped whole); under TimescaleDB the hypertable makes
 * its own chunks and hours and days come from the continuous aggregates.
 */
@Injectable()
export class ExposureHistoryRepository {
  private layout: Promise<'partitioned' | 'timescale'> | null = null;
  private readonly months = new Set<number>();

  constructor(private readonly db: SqlDatabase) {}

  /** Idempotent on (user, time, event id): a redelivered snapshot is stored once. */
  async recordMany(updates: readonly ExposureUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    if ((await this.tableLayout()) === 'partitioned') await this.ensurePartitions(updates.map((u) => u.asOf));
    await this.db.query(
      `INSERT INTO exposure_history (user_id, at, event_id, gross_exposure_usd, net_exposure_usd, realized_pnl_usd, unrealized_pnl_usd)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[])
       ON CONFLICT DO NOTHING`,
      [
        updates.map((u) => u.userId),
        updates.map((u) => new Date(u.asOf).toISOString()),
        updates.map((u) => u.eventId),
        updates.map((u) => u.grossExposureUsd),
        updates.map((u) => u.netExposureUsd),
        updates.map((u) => u.realizedPnlUsd),
        updates.map((u) => u.unrealizedPnlUsd),
      ],
    );
  }

  /** Buckets in [from, to), oldest first, empty ones left out; each holds the bucket's last snapshot (its close). */
  async series(userId: string, bucket: HistoryBucket, from: number, to: number): Promise<HistoryPoint[]> {
    const params = [userId, new Date(from).toISOString(), new Date(to).toISOString()];
    const rows =
      bucket !== 'minute' && (await this.tableLayout()) === 'timescale'
        ? await this.db.query<PointRow>(
            `SELECT (extract(epoch FROM bucket) * 1000)::bigint AS t, gross_exposure_usd::text AS gross, max_gross_exposure_usd::text AS max_gross,
                    net_exposure_usd::text AS net, realized_pnl_usd::text AS realized, unrealized_pnl_usd::text AS unrealized,
                    (realized_pnl_usd + unrealized_pnl_usd)::text AS equity, samples
               FROM exposure_history_${bucket} WHERE user_id = $1 AND bucket >= $2 AND bucket < $3 ORDER BY bucket`,
            params,
          )
        : await this.db.query<PointRow>(
            // Buckets are UTC: date_trunc on timestamptz would follow the session's time zone.
            `SELECT DISTINCT ON (b) (extract(epoch FROM b) * 1000)::bigint AS t, gross_exposure_usd::text AS gross,
                    (max(gross_exposure_usd) OVER w)::text AS max_gross, net_exposure_usd::text AS net,
                    realized_pnl_usd::text AS realized, unrealized_pnl_usd::text AS unrealized,
                    (realized_pnl_usd + unrealized_pnl_usd)::text AS equity, (count(*) OVER w)::text AS samples
               FROM (SELECT date_trunc($4, at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS b, h.*
                       FROM exposure_history h WHERE user_id = $1 AND at >= $2 AND at < $3) x
             WINDOW w AS (PARTITION BY b)
              ORDER BY b, at DESC, event_id DESC`,
            [...params, bucket],
          );
    return rows.map((r) => ({
      t: Number(r.t),
      grossExposureUsd: r.gross,
      maxGrossExposureUsd: r.max_gross,
      netExposureUsd: r.net,
      equityUsd: r.equity,
      realizedPnlUsd: r.realized,
      unrealizedPnlUsd: r.unrealized,
      samples: Number(r.samples),
    }));
  }

  private tableLayout(): Promise<'partitioned' | 'timescale'> {
    this.layout ??= this.db
      .query<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'exposure_history' AND relnamespace = 'public'::regnamespace`)
      .then((rows) => (rows[0]?.relkind === 'p' ? 'partitioned' : 'timescale'));
    return this.layout;
  }

  private async ensurePartitions(times: readonly number[]): Promise<void> {
    for (const start of new Set(times.map((t) => monthStart(t).getTime()))) {
      if (this.months.has(start)) continue;
      const from = new Date(start);
      const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
      const name = `exposure_history_p${from.getUTCFullYear()}${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
      try {
        await this.db.query(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF exposure_history FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`,
        );
      } catch (error) {
        if (!RACED.has((error as { code?: string }).code ?? '')) throw error;
      }
      this.months.add(start);
    }
  }
}
