import { tradeIdsOf, type AlertNotification, type ExposureUpdate, type RiskMetrics } from '@hyperdex/contracts';

/**
 * Matches what the dashboards receive to the trades that were posted, using only the published contract, so it
 * works against a pipeline that sends one update per trade as well as one that folds many trades into one update:
 * - an `exposure` covers the trades `tradeIdsOf(update)` names;
 * - a `risk-metrics` covers its `tradeIds`, or, from a producer that does not send them, the trades of the exposure
 *   updates it names (`sourceEventIds`, else `sourceEventId`);
 * - an `alert` of kind MaxExposure for a user answers that user's limit-breaking trade.
 * Only the first arrival counts: that is when the user could have seen the trade take effect.
 */

export type Phase = 'probe' | 'warmup' | 'latency' | 'throughput';

export interface TrackedTrade {
  readonly tradeId: string;
  readonly userId: string;
  readonly phase: Phase;
  /** When the POST carrying it was sent (epoch ms, see clock.ts). */
  readonly sentAt: number;
  readonly expectsAlert: boolean;
  /** HTTP status of its POST, or a network error's code. */
  status?: number | string;
  answeredAt?: number;
  exposureAt?: number;
  exposureEventId?: string;
  metricsAt?: number;
  alertAt?: number;
}

export interface Outstanding {
  readonly exposure: number;
  readonly metrics: number;
  readonly alert: number;
}

export type ExposureCoverage = Pick<ExposureUpdate, 'eventId' | 'userId' | 'cause' | 'causes'>;
export type MetricsCoverage = Pick<RiskMetrics, 'userId' | 'sourceEventId' | 'sourceEventIds' | 'tradeIds'>;

const isOwed = (t: TrackedTrade): boolean => t.status === undefined || t.status === 202;

export class TradeTracker {
  private readonly trades = new Map<string, TrackedTrade>();
  private readonly byPhase = new Map<Phase, TrackedTrade[]>();
  /** Exposure event id → trade ids it covers, from sockets and from the Kafka topic (whichever comes first). */
  private readonly exposureTrades = new Map<string, readonly string[]>();
  /** Risk metrics that arrived before the exposure update they name was known: event id → first arrival. */
  private readonly metricsAwaitingExposure = new Map<string, number>();
  private readonly breachTradeOf = new Map<string, string>();

  posted(trade: { tradeId: string; userId: string }, phase: Phase, sentAt: number, expectsAlert = false): TrackedTrade {
    const tracked: TrackedTrade = { tradeId: trade.tradeId, userId: trade.userId, phase, sentAt, expectsAlert };
    this.trades.set(trade.tradeId, tracked);
    let list = this.byPhase.get(phase);
    if (!list) this.byPhase.set(phase, (list = []));
    list.push(tracked);
    if (expectsAlert) this.breachTradeOf.set(trade.userId, trade.tradeId);
    return tracked;
  }

  answered(tradeId: string, status: number | string, at: number): void {
    const t = this.trades.get(tradeId);
    if (!t) return;
    t.status = status;
    t.answeredAt = at;
  }

  get(tradeId: string): TrackedTrade | undefined {
    return this.trades.get(tradeId);
  }

  phase(phase: Phase): readonly TrackedTrade[] {
    return this.byPhase.get(phase) ?? [];
  }

  /**
   * Trades of a phase the pipeline owes events for: accepted (202), or not answered yet — a POST still waiting is a
   * trade its sender is waiting on too. Only a definite refusal (4xx/5xx, a dropped connection) releases it.
   */
  owed(phase: Phase): TrackedTrade[] {
    return this.phase(phase).filter(isOwed);
  }

  /** An exposure update reached a dashboard at `at`. */
  exposure(update: ExposureCoverage, at: number): void {
    const ids = tradeIdsOf(update);
    this.knowExposure(update.eventId, ids);
    for (const id of ids) {
      const t = this.trades.get(id);
      if (t && t.exposureAt === undefined && t.userId === update.userId) {
        t.exposureAt = at;
        t.exposureEventId = update.eventId;
      }
    }
  }

  /** An exposure update seen on its Kafka topic: no arrival, but it lets risk metrics name their trades. */
  exposureRecord(update: ExposureCoverage): void {
    this.knowExposure(update.eventId, tradeIdsOf(update));
  }

  riskMetrics(metrics: MetricsCoverage, at: number): void {
    if (metrics.tradeIds) {
      this.metricsArrived(metrics.tradeIds, metrics.userId, at);
      return;
    }
    for (const eventId of metrics.sourceEventIds ?? [metrics.sourceEventId]) {
      const ids = this.exposureTrades.get(eventId);
      if (ids) this.metricsArrived(ids, metrics.userId, at);
      else if (!this.metricsAwaitingExposure.has(eventId)) this.metricsAwaitingExposure.set(eventId, at);
    }
  }

  alert(notification: Pick<AlertNotification, 'alert'>, at: number): void {
    if (notification.alert.kind !== 'MaxExposure') return;
    const tradeId = this.breachTradeOf.get(notification.alert.userId);
    const t = tradeId === undefined ? undefined : this.trades.get(tradeId);
    if (t && t.alertAt === undefined && t.sentAt <= at) t.alertAt = at;
  }

  /** Accepted trades of the phase still waiting for each kind of event. */
  outstanding(phase: Phase): Outstanding {
    let exposure = 0;
    let metrics = 0;
    let alert = 0;
    for (const t of this.phase(phase)) {
      if (!isOwed(t)) continue;
      if (t.exposureAt === undefined) exposure++;
      if (t.metricsAt === undefined) metrics++;
      if (t.expectsAlert && t.alertAt === undefined) alert++;
    }
    return { exposure, metrics, alert };
  }

  /** POSTs of the phase not answered yet. */
  unanswered(phase: Phase): number {
    return this.phase(phase).filter((t) => t.status === undefined).length;
  }

  private knowExposure(eventId: string, ids: readonly string[]): void {
    if (this.exposureTrades.has(eventId)) return;
    this.exposureTrades.set(eventId, ids);
    const waitingSince = this.metricsAwaitingExposure.get(eventId);
    if (waitingSince !== undefined) {
      this.metricsAwaitingExposure.delete(eventId);
      this.metricsArrived(ids, undefined, waitingSince);
    }
  }

  private metricsArrived(ids: readonly string[], userId: string | undefined, at: number): void {
    for (const id of ids) {
      const t = this.trades.get(id);
      if (t && t.metricsAt === undefined && (userId === undefined || t.userId === userId)) t.metricsAt = at;
    }
  }
}
