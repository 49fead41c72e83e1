import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Histogram } from 'prom-client';
import { Topics, type ExposureUpdate, type PriceTick, type RiskAlert, type RiskMetrics } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { RiskStateRepository } from '@hyperdex/persistence';
import {
  MarketModel,
  RiskWorkspace,
  RuleEngine,
  Usd,
  UserRiskState,
  assessUserRisk,
  formatDecimal,
  parsePrice,
  ratioToUsd,
  type RuleState,
  type UserRiskAssessment,
  type UserRiskStateSnapshot,
  type UserRiskView,
} from '@hyperdex/risk-core';
import { alertForFinding } from './alert-for-finding';
import { assessedPositionsOf, observationOf } from './exposure-observation';
import type { RiskConfig } from './risk.config';
import { toRiskMetrics } from './risk-metrics.mapper';
import type { RiskPolicy } from './risk-policy';
import { RiskUserCache, type CachedRiskUser } from './risk-user-cache';

export const RISK_CONFIG = Symbol('RISK_CONFIG');
export const RISK_POLICY = Symbol('RISK_POLICY');

interface StoredUser {
  user: UserRiskStateSnapshot;
  seenEvents: string[];
}

/**
 * The risk service's work per exposure update: update the user's incremental state, compute every metric against
 * the shared market model, evaluate the whole rule set, publish alerts (warnings, breaches) and the metrics, then
 * save the user and rule state in one transaction. Alerts go out before the save: a crash in between replays the
 * update with the old rule state, which reproduces the same alert ids, so nothing is lost and nothing doubles.
 */
@Injectable()
export class RiskEngineService {
  private readonly market: MarketModel;
  private readonly engine: RuleEngine;
  private readonly users: RiskUserCache;
  private readonly workspace = new RiskWorkspace();
  private readonly lookbacks: number[];
  private readonly evaluation: Histogram;

  constructor(
    @Inject(RISK_CONFIG) private readonly config: RiskConfig,
    @Inject(RISK_POLICY) private readonly policy: RiskPolicy,
    private readonly repository: RiskStateRepository,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.market = new MarketModel({ barMs: config.RISK_BAR_MS, historyPoints: config.RISK_HISTORY_POINTS + 1, lambda: config.RISK_EWMA_LAMBDA });
    this.engine = new RuleEngine(policy.rules);
    this.users = new RiskUserCache(config.RISK_MAX_CACHED_USERS, (userId) => this.engine.forget(userId));
    this.lookbacks = [...new Set(policy.rules.flatMap((r) => (r.lookbackMs === undefined ? [] : [r.lookbackMs])))];
    this.evaluation = metrics.histogram('hyperdex_risk_evaluation_seconds', 'Metrics and rule evaluation per exposure update', [
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
    ]);
  }

  applyPrice(tick: PriceTick): void {
    this.market.observePrice(tick.chainId, tick.token, tick.timestamp, parsePrice(tick.priceUsd));
  }

  async evaluate(update: ExposureUpdate): Promise<{ metrics: RiskMetrics; alerts: RiskAlert[] } | null> {
    const user = await this.userOf(update.userId);
    if (!RiskUserCache.markSeen(user, update.eventId)) {
      this.logger.info({ userId: update.userId, eventId: update.eventId }, 'exposure update already evaluated');
      return null;
    }
    try {
      return await this.evaluateFor(update, user);
    } catch (error) {
      // The in-memory state already counted this update; drop it so the retry starts again from the saved state.
      this.users.delete(update.userId);
      this.engine.forget(update.userId);
      throw error;
    }
  }

  private async evaluateFor(update: ExposureUpdate, user: CachedRiskUser): Promise<{ metrics: RiskMetrics; alerts: RiskAlert[] }> {
    const started = process.hrtime.bigint();
    user.state.observe(observationOf(update));

    const dueMonteCarlo =
      update.cause.kind !== 'price' || user.lastMonteCarloAt === null || update.asOf - user.lastMonteCarloAt >= this.config.RISK_MONTE_CARLO_INTERVAL_MS;
    if (dueMonteCarlo) user.lastMonteCarloAt = update.asOf;
    const assessment = assessUserRisk({
      asOf: update.asOf,
      positions: assessedPositionsOf(update),
      grossUsd: new Usd(update.grossExposureUsd),
      oldestPriceAt: update.oldestPriceAt,
      state: user.state,
      market: this.market,
      scenarios: this.policy.scenarios,
      workspace: this.workspace,
      ...(dueMonteCarlo ? { monteCarlo: { paths: this.config.RISK_MONTE_CARLO_PATHS, seed: 0x5eed } } : {}),
    });
    const evaluation = this.engine.evaluate(this.viewOf(update, assessment, user));
    const now = Date.now();
    const alerts = evaluation.findings.filter((f) => f.type !== 'cleared').map((f) => alertForFinding(f, update, now));
    for (const f of evaluation.findings.filter((x) => x.type === 'cleared')) {
      this.logger.info({ userId: f.userId, ruleId: f.ruleId, level: f.level }, f.message);
    }
    const metrics = toRiskMetrics(
      update,
      assessment,
      evaluation.tradingState,
      evaluation.statuses.map((s) => ({
        ruleId: s.ruleId,
        kind: s.kind,
        level: s.level,
        observed: s.observed === null ? null : formatDecimal(s.observed, 10),
        threshold: formatDecimal(s.threshold, 10),
      })),
    );
    this.evaluation.observe(Number(process.hrtime.bigint() - started) / 1e9);

    if (alerts.length > 0) {
      await this.publisher.publish(Topics.riskAlerts, alerts);
      for (const a of alerts) this.logger.info({ alertId: a.alertId, userId: a.userId, kind: a.kind, level: a.level, observed: a.observedValue }, a.message);
    }
    await this.publisher.publish(Topics.riskMetrics, [metrics]);
    await this.save(update.userId, user);
    return { metrics, alerts };
  }

  private viewOf(update: ExposureUpdate, a: UserRiskAssessment, user: CachedRiskUser): UserRiskView {
    const held = update.positions.length;
    const drawdownWithin = new Map(
      this.lookbacks.map((ms) => [ms, ratioToUsd(user.state.equity.maxDrawdownOverLast(Math.ceil(ms / this.config.RISK_BAR_MS)))]),
    );
    return {
      userId: update.userId,
      asOf: update.asOf,
      grossExposureUsd: new Usd(update.grossExposureUsd),
      largestShare: a.largestShare,
      herfindahl: a.herfindahl,
      drawdown: ratioToUsd(a.currentDrawdown),
      maxDrawdown: ratioToUsd(a.maxDrawdown),
      drawdownWithin,
      valueAtRisk: {
        historical95: a.historical?.var95Usd ?? null,
        historical99: a.historical?.var99Usd ?? null,
        parametric95: a.parametric?.var95Usd ?? null,
        parametric99: a.parametric?.var99Usd ?? null,
        monteCarlo95: a.monteCarlo?.var95Usd ?? null,
        monteCarlo99: a.monteCarlo?.var99Usd ?? null,
      },
      consecutiveLosses: a.consecutiveLosses,
      dailyPnlUsd: a.dailyPnlUsd,
      stressLossUsd: new Map(a.stress.map((s) => [s.scenarioId, s.lossUsd])),
      unpricedCount: update.unpriced.length,
      unpricedShareOfPositions: held === 0 ? new Usd(0) : new Usd(update.unpriced.length).div(held),
      oldestPriceAt: update.oldestPriceAt,
      tradeCount: a.closedTrades,
      equityPoints: a.equityPoints,
      returnPoints: a.returnPoints,
    };
  }

  private async userOf(userId: string): Promise<CachedRiskUser> {
    const cached = this.users.get(userId);
    if (cached) return cached;
    const stored = await this.repository.load(userId);
    const saved = stored.state as StoredUser | null;
    const user: CachedRiskUser = {
      state: saved
        ? UserRiskState.restore(saved.user)
        : UserRiskState.create({
            tradeWindow: this.config.RISK_TRADE_WINDOW,
            barMs: this.config.RISK_BAR_MS,
            window: this.config.RISK_HISTORY_POINTS,
            riskFreeRate: this.config.RISK_RISK_FREE_RATE,
          }),
      seenEvents: saved?.seenEvents ?? [],
      lastMonteCarloAt: null,
    };
    this.engine.restore(userId, stored.rules as Array<{ ruleId: string; state: RuleState }>);
    this.users.put(userId, user);
    return user;
  }

  private async save(userId: string, user: CachedRiskUser): Promise<void> {
    const stored: StoredUser = { user: user.state.snapshot(), seenEvents: user.seenEvents };
    await this.repository.save(userId, stored, this.engine.snapshot(userId));
  }
}
