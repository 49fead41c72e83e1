import { Injectable } from '@nestjs/common';
import type { RiskAlert } from '@hyperdex/contracts';
import { AlertRepository } from '../../ports/alert.repository';
import { SqlDatabase } from '../../sql/sql-database';

/** Alert history. Alert ids are deterministic, so recording the same alert twice keeps one row. */
@Injectable()
export class PostgresAlertRepository extends AlertRepository {
  constructor(private readonly dataSource: SqlDatabase) {
    super();
  }

  /** Returns the time it was recorded when new, or null when the alert was already there. */
  async recordIfNew(alert: RiskAlert): Promise<Date | null> {
    const recorded = await this.recordMany([alert]);
    const entry = recorded.get(alert.alertId);
    return entry?.isNew ? entry.recordedAt : null;
  }

  /**
   * Records a batch of alerts in one statement and answers, for every alert id, when it was first recorded and
   * whether this call recorded it. An id repeated in the batch, or already stored, keeps its first row.
   */
  async recordMany(alerts: readonly RiskAlert[]): Promise<Map<string, { recordedAt: Date; isNew: boolean }>> {
    const result = new Map<string, { recordedAt: Date; isNew: boolean }>();
    if (alerts.length === 0) return result;
    const unique = [...new Map(alerts.map((a) => [a.alertId, a])).values()];
    const column = <K extends keyof RiskAlert>(key: K) => unique.map((a) => a[key]);
    const rows: Array<{ alert_id: string; recorded_at: Date; is_new: boolean }> = await this.dataSource.query(
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[],
                              $8::text[], $9::double precision[], $10::text[])
           AS a(alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message, triggered_ms, source_event_id)
       ), inserted AS (
         INSERT INTO alerts (alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message, triggered_at, source_event_id)
         SELECT alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message,
                to_timestamp(triggered_ms / 1000), source_event_id
           FROM incoming
         ON CONFLICT (alert_id) DO NOTHING
         RETURNING alert_id, recorded_at
       )
       SELECT alert_id, recorded_at, true AS is_new FROM inserted
       UNION ALL
       SELECT a.alert_id, a.recorded_at, false AS is_new
         FROM alerts a JOIN incoming i USING (alert_id)
        WHERE NOT EXISTS (SELECT 1 FROM inserted n WHERE n.alert_id = a.alert_id)`,
      [
        column('alertId'),
        column('ruleId'),
        column('kind'),
        column('userId'),
        column('severity'),
        column('observedValue'),
        column('threshold'),
        column('message'),
        column('triggeredAt'),
        column('sourceEventId'),
      ],
    );
    for (const row of rows) result.set(row.alert_id, { recordedAt: row.recorded_at, isNew: row.is_new });
    return result;
  }

  async findRecordedAt(alertId: string): Promise<Date | null> {
    const rows: Array<{ recorded_at: Date }> = await this.dataSource.query(`SELECT recorded_at FROM alerts WHERE alert_id = $1`, [
      alertId,
    ]);
    return rows[0]?.recorded_at ?? null;
  }
}
