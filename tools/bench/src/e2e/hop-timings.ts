import { Topics, tradeIdsOf, type AlertNotification, type ExposureUpdate, type RiskAlert, type RiskMetrics } from '@hyperdex/contracts';
import { summarizeLatencies, type LatencySummary } from './latency-summary';
import type { DashboardListener } from './socket-fleet';

/**
 * Where the time goes between a POST and the dashboard: each record's Kafka timestamp (CreateTime, stamped by the
 * producing service) is matched to the record it was caused by, using only the contract:
 * trades by `tradeId`; positions by `tradeIdsOf(update)`; risk metrics by `tradeIds`, else by the exposure updates
 * they name; risk alerts by `sourceEventId` (the positions record); notifications by their alert's id.
 * All clocks are this machine's, so differences are meaningful to about a millisecond.
 */

export const HOPS = [
  'POST → trades record',
  'trades → positions',
  'positions → risk-metrics',
  'positions → risk-alerts',
  'risk-alerts → notification',
  'positions record → socket',
  'risk-metrics record → socket',
  'notification record → socket',
] as const;

export type HopName = (typeof HOPS)[number];

export type HopTable = Record<HopName, LatencySummary>;

/** A trade as the matcher needs it: id, user, when its POST was sent, and whether it should raise an alert. */
export interface HopTrade {
  readonly tradeId: string;
  readonly userId: string;
  readonly sentAt: number;
  readonly expectsAlert: boolean;
}

interface MetricsRecord {
  readonly at: number;
  readonly eventId: string;
  readonly tradeIds?: readonly string[];
  readonly sourceEventIds: readonly string[];
}

export class HopMatcher implements DashboardListener {
  private readonly tradeRecordAt = new Map<string, number>();
  /** Positions record time by event id, and each trade's first positions record. */
  private readonly positionsAt = new Map<string, number>();
  private readonly positionsOfTrade = new Map<string, { eventId: string; at: number }>();
  private readonly tradesOfPositions = new Map<string, readonly string[]>();
  private readonly metricsRecords: MetricsRecord[] = [];
  private readonly alertsByUser = new Map<string, Array<{ alertId: string; at: number; sourceEventId: string }>>();
  private readonly notificationAt = new Map<string, number>();
  /** First socket arrival by event id (exposure, risk-metrics) and alert id. */
  private readonly exposureArrival = new Map<string, number>();
  private readonly metricsArrival = new Map<string, number>();
  private readonly alertArrival = new Map<string, number>();
  records = 0;

  /** One consumed record: its topic, Kafka timestamp and parsed value. */
  record(topic: string, timestamp: number, value: unknown): void {
    this.records++;
    switch (topic) {
      case Topics.trades: {
        const id = (value as { tradeId?: unknown }).tradeId;
        if (typeof id === 'string' && !this.tradeRecordAt.has(id)) this.tradeRecordAt.set(id, timestamp);
        break;
      }
      case Topics.positions: {
        const update = value as ExposureUpdate;
        const ids = tradeIdsOf(update);
        if (!this.positionsAt.has(update.eventId)) this.positionsAt.set(update.eventId, timestamp);
        this.tradesOfPositions.set(update.eventId, ids);
        for (const id of ids) if (!this.positionsOfTrade.has(id)) this.positionsOfTrade.set(id, { eventId: update.eventId, at: timestamp });
        break;
      }
      case Topics.riskMetrics: {
        const m = value as RiskMetrics;
        this.metricsRecords.push({ at: timestamp, eventId: m.eventId, tradeIds: m.tradeIds, sourceEventIds: m.sourceEventIds ?? [m.sourceEventId] });
        break;
      }
      case Topics.riskAlerts: {
        const alert = value as RiskAlert;
        if (alert.kind !== 'MaxExposure') break;
        let list = this.alertsByUser.get(alert.userId);
        if (!list) this.alertsByUser.set(alert.userId, (list = []));
        list.push({ alertId: alert.alertId, at: timestamp, sourceEventId: alert.sourceEventId });
        break;
      }
      case Topics.alertNotifications: {
        const n = value as AlertNotification;
        if (!this.notificationAt.has(n.alert.alertId)) this.notificationAt.set(n.alert.alertId, timestamp);
        break;
      }
    }
  }

  exposure(update: ExposureUpdate, at: number): void {
    if (!this.exposureArrival.has(update.eventId)) this.exposureArrival.set(update.eventId, at);
  }

  riskMetrics(metrics: RiskMetrics, at: number): void {
    if (!this.metricsArrival.has(metrics.eventId)) this.metricsArrival.set(metrics.eventId, at);
  }

  alert(notification: AlertNotification, at: number): void {
    if (!this.alertArrival.has(notification.alert.alertId)) this.alertArrival.set(notification.alert.alertId, at);
  }

  /**
   * Per-hop latencies over the given trades: one sample per trade and hop. A trade whose upstream record exists but
   * whose downstream one never came (or came after `cutoffAt`, the end of the phase's wait) counts as missing on that
   * hop, so a hop that loses or stalls work shows it.
   */
  hops(trades: readonly HopTrade[], cutoffAt = Number.POSITIVE_INFINITY): HopTable {
    const samples = Object.fromEntries(HOPS.map((h) => [h, [] as number[]])) as Record<HopName, number[]>;
    const missing = Object.fromEntries(HOPS.map((h) => [h, 0])) as Record<HopName, number>;
    // What came after the phase's wait ended is as missing as the phase's own figures say it is.
    const hop = (name: HopName, from: number | undefined, to: number | undefined) => {
      if (from === undefined || from > cutoffAt) return;
      if (to === undefined || to > cutoffAt) missing[name]++;
      else samples[name].push(to - from);
    };
    const metricsOfTrade = this.firstMetricsByTrade();
    for (const t of trades) {
      const tradeAt = this.tradeRecordAt.get(t.tradeId);
      const positions = this.positionsOfTrade.get(t.tradeId);
      const metrics = metricsOfTrade.get(t.tradeId);
      hop('POST → trades record', t.sentAt, tradeAt);
      hop('trades → positions', tradeAt, positions?.at);
      hop('positions → risk-metrics', positions?.at, metrics?.at);
      hop('positions record → socket', positions?.at, positions && this.exposureArrival.get(positions.eventId));
      hop('risk-metrics record → socket', metrics?.at, metrics && this.metricsArrival.get(metrics.eventId));
      if (t.expectsAlert) this.alertHops(t, positions?.at, hop);
    }
    return Object.fromEntries(HOPS.map((h) => [h, summarizeLatencies(samples[h], missing[h])])) as HopTable;
  }

  /**
   * The user's first MaxExposure alert record after the trade: positions record → alert (by the alert's
   * sourceEventId) → notification (by alert id) → socket.
   */
  private alertHops(t: HopTrade, tradePositionsAt: number | undefined, hop: (name: HopName, from: number | undefined, to: number | undefined) => void): void {
    const alert = (this.alertsByUser.get(t.userId) ?? []).filter((a) => a.at >= t.sentAt).sort((a, b) => a.at - b.at)[0];
    if (!alert) {
      hop('positions → risk-alerts', tradePositionsAt, undefined);
      return;
    }
    hop('positions → risk-alerts', this.positionsAt.get(alert.sourceEventId), alert.at);
    const notifiedAt = this.notificationAt.get(alert.alertId);
    hop('risk-alerts → notification', alert.at, notifiedAt);
    hop('notification record → socket', notifiedAt, this.alertArrival.get(alert.alertId));
  }

  private firstMetricsByTrade(): Map<string, MetricsRecord> {
    const first = new Map<string, MetricsRecord>();
    for (const m of [...this.metricsRecords].sort((a, b) => a.at - b.at)) {
      const ids = m.tradeIds ?? m.sourceEventIds.flatMap((e) => this.tradesOfPositions.get(e) ?? []);
      for (const id of ids) if (!first.has(id)) first.set(id, m);
    }
    return first;
  }
}

/**
 * The hop with the largest p99. A hop whose p99 falls among its missing records is slower than any measured one;
 * between two such hops, the one missing the larger share.
 */
export function slowestHop(table: HopTable): { hop: HopName; p99Ms: number | null; missing: number } | null {
  const missingShare = (s: LatencySummary) => s.missing / (s.count + s.missing);
  const slower = (a: LatencySummary, b: LatencySummary): boolean => {
    if (a.p99Ms === null && b.p99Ms === null) return missingShare(a) > missingShare(b);
    if (a.p99Ms === null || b.p99Ms === null) return a.p99Ms === null;
    return a.p99Ms > b.p99Ms;
  };
  let worst: HopName | null = null;
  for (const hop of HOPS) {
    const s = table[hop];
    if (s.count + s.missing === 0) continue;
    if (worst === null || slower(s, table[worst])) worst = hop;
  }
  return worst === null ? null : { hop: worst, p99Ms: table[worst].p99Ms, missing: table[worst].missing };
}
