import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RiskAlert } from '@hyperdex/contracts';

/** Alert history. Alert ids are deterministic, so recording the same alert twice keeps one row. */
@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns the time it was recorded when new, or null when the alert was already there. */
  async recordIfNew(alert: RiskAlert): Promise<Date | null> {
    const rows: Array<{ recorded_at: Date }> = await this.dataSource.query(
      `INSERT INTO alerts (alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message,
                           triggered_at, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9::double precision / 1000), $10)
       ON CONFLICT (alert_id) DO NOTHING
       RETURNING recorded_at`,
      [
        alert.alertId,
        alert.ruleId,
        alert.kind,
        alert.userId,
        alert.severity,
        alert.observedValue,
        alert.threshold,
        alert.message,
        alert.triggeredAt,
        alert.sourceEventId,
      ],
    );
    return rows[0]?.recorded_at ?? null;
  }

  async findRecordedAt(alertId: string): Promise<Date | null> {
    const rows: Array<{ recorded_at: Date }> = await this.dataSource.query(`SELECT recorded_at FROM alerts WHERE alert_id = $1`, [
      alertId,
    ]);
    return rows[0]?.recorded_at ?? null;
  }
}
