import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlQuerier } from '../../sql/sql-database';
import type { AlertChannel, AlertNotification, AlertSummary } from '@hyperdex/contracts';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A delivery to create: one alert change to one channel. */
export interface NewDelivery {
  readonly deliveryId: string;
  readonly channel: AlertChannel;
  /** For a summary: the latest change it covers. */
  readonly notification: AlertNotification;
  readonly summary?: AlertSummary;
  /** When the input that caused the change was ingested (epoch ms), where the record carried it. */
  readonly ingestedAt?: number;
}

export interface StoredDelivery {
  readonly deliveryId: string;
  readonly userId: string;
  readonly alertId: string;
  readonly channel: AlertChannel;
  readonly notification: AlertNotification;
  readonly summary: AlertSummary | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly nextAttemptAt: number;
  readonly createdAt: number;
  readonly deliveredAt: number | null;
  readonly lastError: string | null;
  /** When the input that caused the change was ingested (epoch ms); null where unknown. */
  readonly ingestedAt: number | null;
}

export interface DeliveryAttempt {
  readonly attempt: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly outcome: 'delivered' | 'failed';
  readonly statusCode: number | null;
  readonly error: string | null;
}

interface DeliveryRow {
  delivery_id: string;
  user_id: string;
  alert_id: string;
  channel: AlertChannel;
  notification: AlertNotification;
  summary: AlertSummary | null;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
  ingested_at: Date | null;
}

const toDelivery = (r: DeliveryRow): StoredDelivery => ({
  deliveryId: r.delivery_id,
  userId: r.user_id,
  alertId: r.alert_id,
  channel: r.channel,
  notification: r.notification,
  summary: r.summary,
  status: r.status,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  nextAttemptAt: r.next_attempt_at.getTime(),
  createdAt: r.created_at.getTime(),
  deliveredAt: r.delivered_at?.getTime() ?? null,
  lastError: r.last_error,
  ingestedAt: r.ingested_at?.getTime() ?? null,
});

/**
 * Deliveries of alert changes to channels, and every attempt. A delivery is created once per id (a redelivered
 * notification creates nothing new), claimed by one worker at a time with a lease, and ends delivered or dead.
 */
@Injectable()
export class AlertDeliveryRepository {
  constructor(private readonly dataSource: SqlDatabase) {}

  /** Creates the deliveries that do not exist yet, due now; answers how many were new. */
  enqueue(deliveries: readonly NewDelivery[], maxAttempts: number, now: number): Promise<number> {
    return insertDeliveries(this.dataSource, deliveries, maxAttempts, now);
  }

  /**
   * Claims up to `limit` due deliveries for one attempt each: their next attempt moves `leaseMs` ahead, so another
   * worker skips them while this one sends (a worker that dies mid-send leaves them to be retried after the lease).
   */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<StoredDelivery[]> {
    const rows: DeliveryRow[] = await this.dataSource.query<DeliveryRow>(
      `UPDATE alert_deliveries d SET next_attempt_at = $3
        WHERE d.delivery_id IN (
          SELECT delivery_id FROM alert_deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING d.*`,
      [new Date(now), limit, new Date(now + leaseMs)],
    );
    return rows.map(toDelivery);
  }

  /**
   * Records one attempt and its consequence in one transaction: delivered; or failed and retried at `retryAt`; or,
   * when the attempts are spent, dead (listed by the API and redeliverable from there).
   */
  async recordAttempt(deliveryId: string, attempt: Omit<DeliveryAttempt, 'attempt'>, retryAt: number): Promise<StoredDelivery> {
    return this.dataSource.transaction(async (m) => {
      const [row]: DeliveryRow[] = await m.query(`SELECT * FROM alert_deliveries WHERE delivery_id = $1 FOR UPDATE`, [deliveryId]);
      if (!row) throw new Error(`delivery ${deliveryId} vanished while being sent`);
      const number = row.attempts + 1;
      await m.query(
        `INSERT INTO alert_delivery_attempts (delivery_id, attempt, started_at, duration_ms, outcome, status_code, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [deliveryId, number, new Date(attempt.startedAt), Math.round(attempt.durationMs), attempt.outcome, attempt.statusCode, attempt.error],
      );
      const delivered = attempt.outcome === 'delivered';
      const status: DeliveryStatus = delivered ? 'delivered' : number >= row.max_attempts ? 'dead' : 'pending';
      const updated: DeliveryRow[] = await m.query<DeliveryRow>(
        `UPDATE alert_deliveries SET attempts = $2, status = $3, next_attempt_at = $4, delivered_at = $5, last_error = $6
          WHERE delivery_id = $1 RETURNING *`,
        [deliveryId, number, status, new Date(delivered ? attempt.startedAt : retryAt), delivered ? new Date(attempt.startedAt + attempt.durationMs) : null, attempt.error],
      );
      return toDelivery(updated[0] as DeliveryRow);
    });
  }

  async find(deliveryId: string): Promise<StoredDelivery | null> {
    const rows: DeliveryRow[] = await this.dataSource.query(`SELECT * FROM alert_deliveries WHERE delivery_id = $1`, [deliveryId]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const rows: Array<{ attempt: number; started_at: Date; duration_ms: number; outcome: 'delivered' | 'failed'; status_code: number | null; error: string | null }> =
      await this.dataSource.query(`SELECT * FROM alert_delivery_attempts WHERE delivery_id = $1 ORDER BY attempt`, [deliveryId]);
    return rows.map((r) => ({ attempt: r.attempt, startedAt: r.started_at.getTime(), durationMs: r.duration_ms, outcome: r.outcome, statusCode: r.status_code, error: r.error }));
  }

  /** A user's deliveries, newest first, optionally of one status. */
  async list(userId: string, status: DeliveryStatus | undefined, limit: number): Promise<StoredDelivery[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT * FROM alert_deliveries WHERE user_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC, delivery_id LIMIT $3`,
      [userId, status ?? null, limit],
    );
    return rows.map(toDelivery);
  }

  /** A dead delivery goes back to pending under the same id with `extraAttempts` more; null when it is not dead. */
  async redeliver(deliveryId: string, extraAttempts: number, now: number): Promise<StoredDelivery | null> {
    const rows: DeliveryRow[] = await this.dataSource.query<DeliveryRow>(
      `UPDATE alert_deliveries SET status = 'pending', max_attempts = attempts + $2, next_attempt_at = $3
        WHERE delivery_id = $1 AND status = 'dead' RETURNING *`,
      [deliveryId, extraAttempts, new Date(now)],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }
}

/** The insert behind `enqueue`, usable inside another repository's transaction (summaries of held changes). */
export async function insertDeliveries(m: SqlQuerier, deliveries: readonly NewDelivery[], maxAttempts: number, now: number): Promise<number> {
  if (deliveries.length === 0) return 0;
  const rows: unknown[] = await m.query(
    `INSERT INTO alert_deliveries (delivery_id, user_id, alert_id, channel_kind, channel, notification, summary, ingested_at, status, max_attempts, next_attempt_at)
     SELECT d.delivery_id, d.user_id, d.alert_id, d.channel_kind, d.channel, d.notification, d.summary, to_timestamp(d.ingested_ms / 1000.0), 'pending', $9, $10
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::jsonb[], $8::bigint[])
         AS d(delivery_id, user_id, alert_id, channel_kind, channel, notification, summary, ingested_ms)
     ON CONFLICT (delivery_id) DO NOTHING
     RETURNING delivery_id`,
    [
      deliveries.map((d) => d.deliveryId),
      deliveries.map((d) => d.notification.alert.userId),
      deliveries.map((d) => d.notification.alert.alertId),
      deliveries.map((d) => d.channel.kind),
      deliveries.map((d) => JSON.stringify(d.channel)),
      deliveries.map((d) => JSON.stringify(d.notification)),
      deliveries.map((d) => (d.summary ? JSON.stringify(d.summary) : null)),
      deliveries.map((d) => (d.ingestedAt === undefined ? null : String(d.ingestedAt))),
      maxAttempts,
      new Date(now),
    ],
  );
  return rows.length;
}
