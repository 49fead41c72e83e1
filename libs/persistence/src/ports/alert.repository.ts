import type { RiskAlert } from '@hyperdex/contracts';

/** Alert history. Alert ids are deterministic, so recording the same alert twice keeps one row. */
export abstract class AlertRepository {
  /** Returns the time it was recorded when new, or null when the alert was already there. */
  abstract recordIfNew(alert: RiskAlert): Promise<Date | null>;

  /** For every alert id of the batch: when it was first recorded, and whether this call recorded it. */
  abstract recordMany(alerts: readonly RiskAlert[]): Promise<Map<string, { recordedAt: Date; isNew: boolean }>>;

  abstract findRecordedAt(alertId: string): Promise<Date | null>;
}
