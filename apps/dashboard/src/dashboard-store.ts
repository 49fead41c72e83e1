import { createGatewayClient, GatewayApiError, type ConnectionState, type GatewayClient } from '@hyperdex/client';
import { addDecimals, maxDecimal } from './decimal-sum';
import { tradeIdsOf, type AlertNotification, type AlertView, type ExposureUpdate, type HistoryPoint, type RiskMetrics, type TradeView } from '@hyperdex/contracts';

/** One alert as the dashboard lists it, from either the history (AlertView) or a live notification. */
export interface AlertRow {
  alertId: string;
  ruleId: string;
  severity: AlertView['severity'];
  level: AlertView['level'];
  message: string;
  state: AlertView['state'];
  version: number;
  triggeredAt: number;
  updatedAt: number;
}

export interface DashboardState {
  connection: ConnectionState;
  connectionReason: string | null;
  /** Set once the first REST load has answered (with data or 404s). */
  loaded: boolean;
  error: string | null;
  exposure: ExposureUpdate | null;
  metrics: RiskMetrics | null;
  history: HistoryPoint[];
  trades: TradeView[];
  alerts: AlertRow[];
}

const INITIAL: DashboardState = {
  connection: 'connecting',
  connectionReason: null,
  loaded: false,
  error: null,
  exposure: null,
  metrics: null,
  history: [],
  trades: [],
  alerts: [],
};

const fromView = (a: AlertView): AlertRow => ({
  alertId: a.alertId,
  ruleId: a.ruleId,
  severity: a.severity,
  level: a.level,
  message: a.message,
  state: a.state,
  version: a.version,
  triggeredAt: a.triggeredAt,
  updatedAt: a.updatedAt,
});

const fromNotification = (n: AlertNotification): AlertRow => ({
  alertId: n.alert.alertId,
  ruleId: n.alert.ruleId,
  severity: n.alert.severity,
  level: n.alert.level,
  message: n.alert.message,
  state: n.status,
  // Producers before the alert lifecycle sent neither: the first version, as of its recording.
  version: n.version ?? 1,
  triggeredAt: n.alert.triggeredAt,
  updatedAt: n.updatedAt ?? n.recordedAt,
});

/** A 404 is "nothing yet" for a fresh user, not an error. */
async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof GatewayApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * One user's dashboard data: loaded over REST, then kept current by the live events. Framework-free; the React
 * side subscribes to it. Live events that arrive during the first load are applied after it (newer wins).
 */
export class DashboardStore {
  private state: DashboardState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly client: GatewayClient;
  private readonly unsubscribe: Array<() => void> = [];
  private tradesRefresh: Promise<void> | null = null;

  constructor(
    baseUrl: string,
    token: string,
    private readonly userId: string,
  ) {
    this.client = createGatewayClient({ url: baseUrl, token });
  }

  get snapshot(): DashboardState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async start(): Promise<void> {
    const { live, rest } = this.client;
    this.unsubscribe.push(
      live.onState((connection, reason) => this.set({ connection, connectionReason: reason ?? null })),
      live.on('exposure', (update) => this.onExposure(update)),
      live.on('risk-metrics', (metrics) => {
        if (!this.state.metrics || metrics.asOf >= this.state.metrics.asOf) this.set({ metrics });
      }),
      live.on('alert', (n) => this.upsertAlert(fromNotification(n))),
      live.on('alert-updated', (n) => this.upsertAlert(fromNotification(n))),
    );
    void live.connect();
    try {
      const [exposure, metrics, history, trades, alerts] = await Promise.all([
        orNull(rest.exposure(this.userId)),
        orNull(rest.riskMetrics(this.userId)),
        rest.history(this.userId, { bucket: 'minute' }),
        rest.trades(this.userId, { limit: 20 }),
        rest.alerts(this.userId, { limit: 50 }),
      ]);
      const live = this.state;
      this.set({
        loaded: true,
        exposure: live.exposure && (!exposure || live.exposure.asOf >= exposure.asOf) ? live.exposure : exposure,
        metrics: live.metrics && (!metrics || live.metrics.asOf >= metrics.asOf) ? live.metrics : metrics,
        history: mergeHistory(history.points, live.history),
        trades: trades.items,
      });
      for (const alert of alerts.items) this.upsertAlert(fromView(alert));
    } catch (error) {
      this.set({ loaded: true, error: describe(error) });
    }
  }

  async acknowledge(alertId: string): Promise<void> {
    try {
      this.upsertAlert(fromView(await this.client.rest.acknowledgeAlert(alertId)));
    } catch (error) {
      this.set({ error: `acknowledge ${alertId}: ${describe(error)}` });
    }
  }

  close(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.client.live.close();
  }

  private onExposure(update: ExposureUpdate): void {
    if (this.state.exposure && update.asOf < this.state.exposure.asOf) return;
    const point: HistoryPoint = {
      t: Math.floor(update.asOf / 60_000) * 60_000,
      grossExposureUsd: update.grossExposureUsd,
      maxGrossExposureUsd: update.grossExposureUsd,
      netExposureUsd: update.netExposureUsd,
      equityUsd: addDecimals(update.realizedPnlUsd, update.unrealizedPnlUsd),
      realizedPnlUsd: update.realizedPnlUsd,
      unrealizedPnlUsd: update.unrealizedPnlUsd,
      samples: 1,
    };
    this.set({ exposure: update, history: mergeHistory(this.state.history, [point]) });
    // The trade list is the ledger's, not the socket's: re-read it when an update names trades.
    if (tradeIdsOf(update).length > 0) void this.refreshTrades();
  }

  private refreshTrades(): Promise<void> {
    this.tradesRefresh ??= this.client.rest
      .trades(this.userId, { limit: 20 })
      .then((page) => this.set({ trades: page.items }))
      .catch((error: unknown) => this.set({ error: `trades: ${describe(error)}` }))
      .finally(() => (this.tradesRefresh = null));
    return this.tradesRefresh;
  }

  private upsertAlert(row: AlertRow): void {
    const current = this.state.alerts.find((a) => a.alertId === row.alertId);
    if (current && current.version > row.version) return;
    const alerts = [row, ...this.state.alerts.filter((a) => a.alertId !== row.alertId)].sort((a, b) => b.triggeredAt - a.triggeredAt);
    this.set({ alerts });
  }

  private set(patch: Partial<DashboardState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Points by bucket start; a later point for the same bucket replaces the earlier (it is that bucket's close). */
function mergeHistory(base: HistoryPoint[], newer: HistoryPoint[]): HistoryPoint[] {
  const byBucket = new Map(base.map((p) => [p.t, p]));
  for (const p of newer) {
    const prior = byBucket.get(p.t);
    byBucket.set(p.t, prior ? { ...p, samples: prior.samples + 1, maxGrossExposureUsd: maxDecimal(prior.maxGrossExposureUsd, p.grossExposureUsd) } : p);
  }
  return [...byBucket.values()].sort((a, b) => a.t - b.t);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
