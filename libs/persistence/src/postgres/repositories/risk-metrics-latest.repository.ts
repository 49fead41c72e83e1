import { Injectable } from '@nestjs/common';
import type { RiskMetrics } from '@hyperdex/contracts';
import { SqlDatabase } from '../../sql/sql-database';

/** Each user's latest risk metrics, for REST reads. Newest wins: a redelivered older record never replaces a newer one. */
@Injectable()
export class RiskMetricsLatestRepository {
  constructor(private readonly db: SqlDatabase) {}

  async putMany(batch: readonly RiskMetrics[]): Promise<void> {
    // Only each user's newest of the batch: one row per user, so the upsert never touches a row twice.
    const newest = new Map<string, RiskMetrics>();
    for (const m of batch) {
      const seen = newest.get(m.userId);
      if (!seen || m.asOf >= seen.asOf) newest.set(m.userId, m);
    }
    if (newest.size === 0) return;
    const rows = [...newest.values()];
    await this.db.query(
      `INSERT INTO risk_metrics_latest (user_id, as_of, event_id, metrics)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::jsonb[])
       ON CONFLICT (user_id) DO UPDATE SET as_of = EXCLUDED.as_of, event_id = EXCLUDED.event_id, metrics = EXCLUDED.metrics
         WHERE risk_metrics_latest.as_of <= EXCLUDED.as_of`,
      [rows.map((m) => m.userId), rows.map((m) => new Date(m.asOf).toISOString()), rows.map((m) => m.eventId), rows.map((m) => JSON.stringify(m))],
    );
  }

  /** Null when the risk service has published nothing for the user. */
  async get(userId: string): Promise<RiskMetrics | null> {
    const rows = await this.db.query<{ metrics: RiskMetrics }>(`SELECT metrics FROM risk_metrics_latest WHERE user_id = $1`, [userId]);
    return rows[0]?.metrics ?? null;
  }
}
