import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '../../sql/sql-database';
import type { AlertNotification } from '@hyperdex/contracts';
import { insertDeliveries, type NewDelivery } from './alert-delivery.repository';

/** What volume control decided for one notification of a user, given the hour's count and the mute windows. */
export interface VolumePolicy {
  /** Start of the notification's UTC clock hour and its end (when a cap overflow is summarised). */
  readonly hourStart: number;
  readonly hourEnd: number;
  readonly maxPerHour: number | null;
  /** When the mute window the notification falls in ends; null when not muted. */
  readonly mutedUntil: number | null;
}

export interface HeldNotification {
  readonly notification: AlertNotification;
  readonly reason: 'muted' | 'hourly-cap';
  readonly heldAt: number;
}

/**
 * Volume control's memory: which notifications were sent to a user's channels in each clock hour, and which were held
 * back until a summary. Keyed by notification, so a redelivered notification gets the same decision.
 */
@Injectable()
export class AlertVolumeRepository {
  constructor(private readonly dataSource: SqlDatabase) {}

  /** Sends the notification to the channels (`send`) or holds it for the summary (`held`), once per key. */
  async admit(userId: string, key: string, notification: AlertNotification, policy: VolumePolicy, now: number): Promise<'send' | 'held'> {
    return this.dataSource.transaction(async (m) => {
      const seen: Array<{ held: boolean }> = await m.query(
        `SELECT false AS held FROM alert_sends WHERE user_id = $1 AND notification_key = $2
         UNION ALL SELECT true FROM alert_held WHERE user_id = $1 AND notification_key = $2`,
        [userId, key],
      );
      if (seen[0]) return seen[0].held ? 'held' : 'send';
      const hold = async (reason: 'muted' | 'hourly-cap', releaseAt: number) => {
        await m.query(
          `INSERT INTO alert_held (user_id, notification_key, notification, reason, held_at, release_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [userId, key, JSON.stringify(notification), reason, new Date(now), new Date(releaseAt)],
        );
        return 'held' as const;
      };
      if (policy.mutedUntil !== null) return hold('muted', policy.mutedUntil);
      if (policy.maxPerHour !== null) {
        const [count]: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM alert_sends WHERE user_id = $1 AND hour_start = $2`, [
          userId,
          new Date(policy.hourStart),
        ]);
        if ((count?.n ?? 0) >= policy.maxPerHour) return hold('hourly-cap', policy.hourEnd);
      }
      await m.query(`INSERT INTO alert_sends (user_id, notification_key, hour_start) VALUES ($1, $2, $3)`, [userId, key, new Date(policy.hourStart)]);
      return 'send';
    });
  }

  /**
   * Turns held notifications whose hold has ended into summary deliveries, in one transaction: the deliveries exist
   * and the notifications are marked summarised, or neither. Rows another instance is summarising are skipped.
   * Answers how many users got a summary.
   */
  async releaseDue(
    now: number,
    limit: number,
    maxAttempts: number,
    summarise: (heldByUser: Map<string, HeldNotification[]>) => Promise<NewDelivery[]>,
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ user_id: string; notification_key: string; notification: AlertNotification; reason: 'muted' | 'hourly-cap'; held_at: Date }> = await m.query(
        `SELECT user_id, notification_key, notification, reason, held_at FROM alert_held
          WHERE summarized_at IS NULL AND release_at <= $1 ORDER BY user_id, held_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [new Date(now), limit],
      );
      if (rows.length === 0) return 0;
      const byUser = new Map<string, HeldNotification[]>();
      for (const r of rows) {
        const list = byUser.get(r.user_id) ?? [];
        list.push({ notification: r.notification, reason: r.reason, heldAt: r.held_at.getTime() });
        byUser.set(r.user_id, list);
      }
      await insertDeliveries(m, await summarise(byUser), maxAttempts, now);
      await m.query(
        `UPDATE alert_held h SET summarized_at = $3 FROM unnest($1::text[], $2::text[]) AS k(user_id, notification_key)
          WHERE h.user_id = k.user_id AND h.notification_key = k.notification_key`,
        [rows.map((r) => r.user_id), rows.map((r) => r.notification_key), new Date(now)],
      );
      return byUser.size;
    });
  }

  /** A user's changes held back and not yet summarised (for the API and specs). */
  async pending(userId: string): Promise<HeldNotification[]> {
    const rows: Array<{ notification: AlertNotification; reason: 'muted' | 'hourly-cap'; held_at: Date }> = await this.dataSource.query(
      `SELECT notification, reason, held_at FROM alert_held WHERE user_id = $1 AND summarized_at IS NULL ORDER BY held_at`,
      [userId],
    );
    return rows.map((r) => ({ notification: r.notification, reason: r.reason, heldAt: r.held_at.getTime() }));
  }
}
