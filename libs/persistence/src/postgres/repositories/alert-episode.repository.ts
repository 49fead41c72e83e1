import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlQuerier } from '../../sql/sql-database';
import type { AlertNotification, AlertState, RiskAlert } from '@hyperdex/contracts';
import { notificationOf, type AlertEpisode, type EpisodeChange } from '@hyperdex/risk-core';

/** Folds a risk alert into the live episode of its (user, rule); null when nothing changes. */
export type EpisodeFold = (current: AlertEpisode | null, incoming: RiskAlert) => EpisodeChange | null;

export interface AlertHistoryQuery {
  readonly userId: string;
  readonly state?: AlertState;
  readonly severity?: RiskAlert['severity'];
  readonly ruleId?: string;
  /** Opened at or after (epoch ms). */
  readonly from?: number;
  /** Opened before (epoch ms). */
  readonly to?: number;
  readonly limit: number;
  readonly cursor?: AlertHistoryCursor;
}

/** Where a page ended: history is ordered newest first by opening time, then by id. */
export interface AlertHistoryCursor {
  readonly openedAt: number;
  readonly alertId: string;
}

interface EpisodeRow {
  alert_id: string;
  state: AlertState;
  version: number;
  alert: RiskAlert;
  opened_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  last_notified_at: Date;
  notifications: number;
}

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());
const toEpisode = (r: EpisodeRow): AlertEpisode => ({
  alert: r.alert,
  state: r.state,
  version: r.version,
  openedAt: r.opened_at.getTime(),
  updatedAt: r.updated_at.getTime(),
  acknowledgedAt: ms(r.acknowledged_at),
  acknowledgedBy: r.acknowledged_by,
  resolvedAt: ms(r.resolved_at),
  resolvedBy: r.resolved_by,
  lastNotifiedAt: r.last_notified_at.getTime(),
  notifications: r.notifications,
});
const at = (v: number | null): Date | null => (v === null ? null : new Date(v));
const keyOf = (a: Pick<RiskAlert, 'userId' | 'ruleId'>) => `${a.userId}\u0000${a.ruleId}`;

/**
 * Alert episodes (one per user and rule, from first warning until cleared) and the risk alerts that fed them. Every
 * change happens in one transaction with the row locked, so the alerting consumer, a user's action through the
 * gateway and the re-notifier never overwrite each other's changes.
 */
@Injectable()
export class AlertEpisodeRepository {
  constructor(private readonly dataSource: SqlDatabase) {}

  /**
   * Records a batch of risk alerts and folds the new ones, in order, into their episodes, in one transaction. Answers
   * the notifications to release, in input order, each with the risk alert behind it: those the new alerts produced,
   * and, for alerts recorded before (a redelivery after a crash between commit and publish), the one they produced then.
   */
  async applyRiskAlerts(alerts: readonly RiskAlert[], fold: EpisodeFold): Promise<Array<{ riskAlertId: string; notification: AlertNotification }>> {
    if (alerts.length === 0) return [];
    const unique = [...new Map(alerts.map((a) => [a.alertId, a])).values()];
    return this.dataSource.transaction(async (m) => {
      const inserted = await this.insertRiskAlerts(m, unique);
      const fresh = unique.filter((a) => inserted.has(a.alertId));
      const repeated = unique.filter((a) => !inserted.has(a.alertId));
      const stored = new Map<string, AlertNotification | null>();
      if (repeated.length > 0) {
        const rows: Array<{ alert_id: string; notification: AlertNotification | null }> = await m.query(
          `SELECT alert_id, notification FROM alerts WHERE alert_id = ANY($1::text[])`,
          [repeated.map((a) => a.alertId)],
        );
        for (const r of rows) stored.set(r.alert_id, r.notification);
      }
      const live = await this.lockLive(m, fresh);
      const produced = new Map<string, AlertNotification>();
      const episodes = new Map<string, AlertEpisode>();
      for (const incoming of fresh) {
        const change = fold(live.get(keyOf(incoming)) ?? null, incoming);
        if (!change) continue;
        live.set(keyOf(incoming), change.episode.state === 'resolved' ? null : change.episode);
        episodes.delete(change.episode.alert.alertId); // re-insert so the write order follows the last change
        episodes.set(change.episode.alert.alertId, change.episode);
        produced.set(incoming.alertId, notificationOf(change));
      }
      await this.writeEpisodes(m, [...episodes.values()]);
      if (produced.size > 0) {
        const entries = [...produced.entries()];
        await m.query(
          `UPDATE alerts a SET episode_id = u.episode_id, notification = u.notification
             FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u(alert_id, episode_id, notification)
            WHERE a.alert_id = u.alert_id`,
          [entries.map(([id]) => id), entries.map(([, n]) => n.alert.alertId), entries.map(([, n]) => JSON.stringify(n))],
        );
      }
      return unique.flatMap((a) => {
        const notification = produced.get(a.alertId) ?? stored.get(a.alertId) ?? null;
        return notification ? [{ riskAlertId: a.alertId, notification }] : [];
      });
    });
  }

  async find(alertId: string): Promise<AlertEpisode | null> {
    const rows: EpisodeRow[] = await this.dataSource.query(`SELECT * FROM alert_episodes WHERE alert_id = $1`, [alertId]);
    return rows[0] ? toEpisode(rows[0]) : null;
  }

  /**
   * Applies a change to one episode with its row locked. Answers null when the episode does not exist, else the
   * episode after the change and the change (null when the action changed nothing). `apply` may throw to refuse.
   */
  async change(alertId: string, apply: (current: AlertEpisode) => EpisodeChange | null): Promise<{ episode: AlertEpisode; change: EpisodeChange | null } | null> {
    return this.dataSource.transaction(async (m) => {
      const rows: EpisodeRow[] = await m.query(`SELECT * FROM alert_episodes WHERE alert_id = $1 FOR UPDATE`, [alertId]);
      if (!rows[0]) return null;
      const current = toEpisode(rows[0]);
      const change = apply(current);
      if (change) await this.writeEpisodes(m, [change.episode]);
      return { episode: change?.episode ?? current, change };
    });
  }

  /**
   * Open episodes whose last notification is at least `intervalMs` old, oldest first, up to `limit`, each changed
   * by `apply` and saved. Rows another instance is working on are skipped, so each is re-notified once.
   */
  async renotifyDue(now: number, intervalMs: number, limit: number, apply: (current: AlertEpisode) => EpisodeChange | null): Promise<EpisodeChange[]> {
    return this.dataSource.transaction(async (m) => {
      const rows: EpisodeRow[] = await m.query(
        `SELECT * FROM alert_episodes WHERE state = 'open' AND last_notified_at <= $1
          ORDER BY last_notified_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [new Date(now - intervalMs), limit],
      );
      const changes = rows.flatMap((r) => {
        const c = apply(toEpisode(r));
        return c ? [c] : [];
      });
      await this.writeEpisodes(
        m,
        changes.map((c) => c.episode),
      );
      return changes;
    });
  }

  /** A user's episodes, newest first, filtered; `nextCursor` is null on the last page. */
  async history(q: AlertHistoryQuery): Promise<{ items: AlertEpisode[]; nextCursor: AlertHistoryCursor | null }> {
    const where = ['user_id = $1'];
    const params: unknown[] = [q.userId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.state) add('state = ?', q.state);
    if (q.severity) add('severity = ?', q.severity);
    if (q.ruleId) add('rule_id = ?', q.ruleId);
    if (q.from !== undefined) add('opened_at >= ?', new Date(q.from));
    if (q.to !== undefined) add('opened_at < ?', new Date(q.to));
    if (q.cursor) {
      params.push(new Date(q.cursor.openedAt), q.cursor.alertId);
      where.push(`(opened_at, alert_id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(q.limit + 1);
    const rows: EpisodeRow[] = await this.dataSource.query(
      `SELECT * FROM alert_episodes WHERE ${where.join(' AND ')} ORDER BY opened_at DESC, alert_id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, q.limit).map(toEpisode);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > q.limit && last ? { openedAt: last.openedAt, alertId: last.alert.alertId } : null };
  }

  async countOpen(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM alert_episodes WHERE state <> 'resolved'`);
    return rows[0]?.n ?? 0;
  }

  private async insertRiskAlerts(m: SqlQuerier, alerts: readonly RiskAlert[]): Promise<Set<string>> {
    const column = <K extends keyof RiskAlert>(key: K) => alerts.map((a) => a[key]);
    const rows: Array<{ alert_id: string }> = await m.query(
      `INSERT INTO alerts (alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message, triggered_at, source_event_id)
       SELECT a.alert_id, a.rule_id, a.kind, a.user_id, a.severity, a.observed_value, a.threshold, a.message,
              to_timestamp(a.triggered_ms / 1000.0), a.source_event_id
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[],
                     $8::text[], $9::double precision[], $10::text[])
           AS a(alert_id, rule_id, kind, user_id, severity, observed_value, threshold, message, triggered_ms, source_event_id)
       ON CONFLICT (alert_id) DO NOTHING
       RETURNING alert_id`,
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
    return new Set(rows.map((r) => r.alert_id));
  }

  /** The live episodes of the alerts' (user, rule) pairs, locked until the transaction ends. */
  private async lockLive(m: SqlQuerier, alerts: readonly RiskAlert[]): Promise<Map<string, AlertEpisode | null>> {
    const live = new Map<string, AlertEpisode | null>();
    if (alerts.length === 0) return live;
    const pairs = [...new Map(alerts.map((a) => [keyOf(a), a])).values()];
    const rows: EpisodeRow[] = await m.query(
      `SELECT e.* FROM alert_episodes e
         JOIN unnest($1::text[], $2::text[]) AS k(user_id, rule_id) USING (user_id, rule_id)
        WHERE e.state <> 'resolved'
        ORDER BY e.alert_id
          FOR UPDATE OF e`,
      [pairs.map((a) => a.userId), pairs.map((a) => a.ruleId)],
    );
    for (const r of rows) live.set(keyOf(r.alert), toEpisode(r));
    return live;
  }

  /** Resolved episodes first: a pair's new episode may only go live once its old one is resolved. */
  private async writeEpisodes(m: SqlQuerier, episodes: readonly AlertEpisode[]): Promise<void> {
    const ordered = [...episodes].sort((a, b) => Number(b.state === 'resolved') - Number(a.state === 'resolved'));
    for (const e of ordered) {
      await m.query(
        `INSERT INTO alert_episodes (alert_id, user_id, rule_id, severity, state, version, alert, opened_at, updated_at,
                                     acknowledged_at, acknowledged_by, resolved_at, resolved_by, last_notified_at, notifications)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (alert_id) DO UPDATE SET
           severity = EXCLUDED.severity, state = EXCLUDED.state, version = EXCLUDED.version, alert = EXCLUDED.alert,
           updated_at = EXCLUDED.updated_at, acknowledged_at = EXCLUDED.acknowledged_at,
           acknowledged_by = EXCLUDED.acknowledged_by, resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by,
           last_notified_at = EXCLUDED.last_notified_at, notifications = EXCLUDED.notifications`,
        [
          e.alert.alertId,
          e.alert.userId,
          e.alert.ruleId,
          e.alert.severity,
          e.state,
          e.version,
          JSON.stringify(e.alert),
          new Date(e.openedAt),
          new Date(e.updatedAt),
          at(e.acknowledgedAt),
          e.acknowledgedBy,
          at(e.resolvedAt),
          e.resolvedBy,
          new Date(e.lastNotifiedAt),
          e.notifications,
        ],
      );
    }
  }
}
