import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { Gauge, type Counter, type Histogram } from 'prom-client';
import { Topics, causesOf, type AlertNotification, type ExposureUpdate, type PriceTick, type RiskAlert, type RiskMetrics } from '@hyperdex/contracts';
import { EventPublisher, type OutboundEvent } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { RiskStateRepository, type RiskStateToSave, type StoredRiskState } from '@hyperdex/persistence';
import {
  MarketModel,
  PriceBook,
  RiskWorkspace,
  RuleEngine,
  TokenRegistry,
  UserRiskState,
  alertForFinding,
  drawdownLookbacksOf,
  evaluateExposure,
  monteCarloBookOf,
  observationOf,
  parsePrice,
  toVarFiguresUsd,
  type AssessedPosition,
  type KeptMonteCarlo,
  type RuleState,
  type UserRiskStateSnapshot,
} from '@hyperdex/risk-core';
import { isMonteCarloDue, newMonteCarloTracking } from './monte-carlo/monte-carlo-due';
import type { MonteCarloRunner } from './monte-carlo/monte-carlo-runner';
import { MonteCarloScheduler } from './monte-carlo/monte-carlo-scheduler';
import type { RiskConfig } from './risk.config';
import type { RiskPolicy } from './risk-policy';
import { RiskUserCache, type CachedRiskUser } from './risk-user-cache';
import { foldUpdates, groupByUser, type ExposureEvent } from './user-updates';

export const RISK_CONFIG = Symbol('RISK_CONFIG');
export const RISK_POLICY = Symbol('RISK_POLICY');
export const MONTE_CARLO_RUNNER = Symbol('MONTE_CARLO_RUNNER');
export const RISK_TOKENS = Symbol('RISK_TOKENS');

/** The publisher surface the engine uses (a test may hand in a recorder). */
export type RiskEventPublisher = Pick<EventPublisher, 'publishAll'>;
/** The repository surface the engine uses. */
export type RiskStateStore = Pick<RiskStateRepository, 'loadMany' | 'saveMany' | 'saveRuleStates'>;

/** What one user's evaluation in a chunk produced. */
export interface UserEvaluation {
  readonly userId: string;
  readonly metrics: RiskMetrics;
  readonly alerts: RiskAlert[];
}

/** A user's risk state as a pre-trade check starts from; every part is a copy the check may move. */
export interface RiskCheckContext {
  readonly inMemory: boolean;
  readonly state: UserRiskState;
  readonly rules: Array<{ ruleId: string; state: RuleState }>;
  readonly monteCarlo: KeptMonteCarlo | null;
  /** Ledger events the held state has evaluated since it was loaded; with `holder`, keys a cached book. */
  readonly bookVersion: number;
  /** The in-memory user object (identity only), null when loaded from PostgreSQL for this check. */
  readonly holder: object | null;
  /** The latest exposure update the state evaluated, null when none since load. */
  readonly lastUpdate: ExposureUpdate | null;
}

export interface RiskCheckSettings {
  readonly market: MarketModel;
  readonly rules: RuleEngine['rules'];
  readonly scenarios: RiskPolicy['scenarios'];
  readonly lookbacks: readonly number[];
  readonly barMs: number;
}

interface StoredUser {
  user: UserRiskStateSnapshot;
  seenEvents: string[];
}

const MONTE_CARLO_SEED = 0x5eed;

/**
 * The risk service's work per chunk of the positions topic (one partition, in order). Each user is evaluated once,
 * on their latest state: every new exposure update is observed in order (equity index, daily PnL, closed trades),
 * then the figures are computed against the shared market model and the whole rule set is evaluated on the latest
 * update. The chunk's alerts and one RiskMetrics per user go out in one produce request, then every user and rule
 * state is saved in one transaction. Alerts go out before the save: a crash in between replays the chunk with the
 * old rule state, which reproduces the same alert ids, so nothing is lost and nothing doubles.
 *
 * Monte Carlo runs off this path (MonteCarloRunner: worker threads). A user's evaluation requests a run when due and
 * reports the latest finished figures with the asOf of the book they were computed for. A finished run does not
 * republish the user's metrics: the figures ride on the user's next evaluation (a price move of a held token causes
 * one), so rule state only ever changes inside a chunk, before that chunk's save — the replay argument above holds.
 */
@Injectable()
export class RiskEngineService implements OnModuleDestroy {
  private readonly market: MarketModel;
  private readonly engine: RuleEngine;
  private readonly users: RiskUserCache;
  private readonly workspace = new RiskWorkspace();
  private readonly lookbacks: number[];
  /** Latest price per token, for valuing hypothetical trades (the market model keeps bars, not quotes). */
  readonly prices = new PriceBook();
  private readonly monteCarlo: MonteCarloScheduler;
  private readonly evaluationSeconds: Histogram;
  private readonly updatesPerEvaluation: Histogram;
  private readonly monteCarloRuns: Counter<'outcome'>;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    @Inject(RISK_CONFIG) private readonly config: RiskConfig,
    @Inject(RISK_POLICY) private readonly policy: RiskPolicy,
    @Inject(RiskStateRepository) private readonly repository: RiskStateStore,
    @Inject(EventPublisher) private readonly publisher: RiskEventPublisher,
    @Inject(MONTE_CARLO_RUNNER) runner: MonteCarloRunner,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
    @Inject(RISK_TOKENS) readonly tokens: TokenRegistry,
  ) {
    this.market = new MarketModel({ barMs: config.RISK_BAR_MS, historyPoints: config.RISK_HISTORY_POINTS + 1, lambda: config.RISK_EWMA_LAMBDA });
    this.engine = new RuleEngine(policy.rules);
    this.users = new RiskUserCache(config.RISK_MAX_CACHED_USERS, (userId) => this.engine.forget(userId));
    this.lookbacks = drawdownLookbacksOf(policy.rules);
    this.monteCarlo = new MonteCarloScheduler(runner, config.RISK_MONTE_CARLO_QUEUE);
    this.evaluationSeconds = metrics.histogram('hyperdex_risk_evaluation_seconds', 'Figures and rule evaluation per user per chunk', [
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
    ]);
    this.updatesPerEvaluation = metrics.histogram(
      'hyperdex_risk_updates_per_evaluation',
      'Exposure updates folded into one evaluation of a user (coalescing under load)',
      [1, 2, 3, 5, 10, 20, 50, 100, 200, 500],
    );
    this.monteCarloRuns = metrics.counter('hyperdex_risk_monte_carlo_runs_total', 'Monte Carlo runs by outcome (completed, failed, skipped: queue full)', [
      'outcome',
    ]);
    const scheduler = this.monteCarlo;
    new Gauge({
      name: 'hyperdex_risk_monte_carlo_queue_depth',
      help: 'Monte Carlo runs queued or running',
      registers: [metrics.registry],
      collect() {
        this.set(scheduler.depth);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.monteCarlo.close();
  }

  applyPrice(tick: PriceTick): void {
    this.market.observePrice(tick.chainId, tick.token, tick.timestamp, parsePrice(tick.priceUsd));
    this.prices.apply(tick.chainId, tick.token, tick.priceUsd, tick.timestamp, tick.source);
  }

  /**
   * Rebuilds the market model from the kept price history before the live feed starts, so VaR is evaluable at once
   * after a restart instead of null until ~20 new bars have passed. Ticks come in time order, one per (token, bar).
   */
  restoreMarket(ticks: readonly PriceTick[]): void {
    for (const tick of ticks) this.applyPrice(tick);
    this.logger.info({ ticks: ticks.length, tokens: this.market.tokens }, 'market history reloaded');
  }

  /**
   * What a pre-trade check needs of a user, read-only: copies of the risk state and rule states as this instance holds
   * them (loaded from PostgreSQL, and not kept, when the user is not in memory), the last Monte Carlo figures, and
   * the version of the book the state has seen (it moves on every ledger event evaluated).
   */
  async checkContextOf(userId: string): Promise<RiskCheckContext> {
    const held = this.users.get(userId);
    if (held) {
      return {
        inMemory: true,
        state: UserRiskState.restore(held.state.snapshot()),
        rules: this.engine.snapshot(userId),
        monteCarlo: held.monteCarlo.latest,
        bookVersion: held.monteCarlo.bookVersion,
        holder: held,
        lastUpdate: held.lastUpdate ?? null,
      };
    }
    const stored = (await this.repository.loadMany([userId])).get(userId) ?? { state: null, rules: [] };
    const saved = stored.state as StoredUser | null;
    return {
      inMemory: false,
      state: saved ? UserRiskState.restore(saved.user) : this.newUserState(),
      rules: stored.rules as Array<{ ruleId: string; state: RuleState }>,
      monteCarlo: null,
      bookVersion: 0,
      holder: null,
      lastUpdate: null,
    };
  }

  /** The market model, scenarios and rule settings every check shares with the live evaluation. */
  get checkSettings(): RiskCheckSettings {
    return { market: this.market, rules: this.policy.rules, scenarios: this.policy.scenarios, lookbacks: this.lookbacks, barMs: this.config.RISK_BAR_MS };
  }

  /** Resolves once no Monte Carlo run is queued or running, every finished one applied (for tests and benches). */
  monteCarloIdle(): Promise<void> {
    return this.monteCarlo.idle();
  }

  /**
   * Evaluates one chunk of the positions topic (one partition, in order) and makes its effects durable; returns what
   * each user's evaluation produced. Idempotent: updates already seen are skipped. When anything throws, every user
   * of the chunk leaves memory, so the retry starts again from the saved state.
   */
  async evaluateBatch(events: readonly ExposureEvent[]): Promise<UserEvaluation[]> {
    const groups = groupByUser(events);
    if (groups.length === 0) return [];
    return this.exclusive(
      groups.map((g) => g.userId),
      () => this.evaluateGroups(groups),
    );
  }

  /**
   * Keeps in memory only the users of the positions partitions this instance now owns. A user whose partition moved
   * away is evaluated and saved by its new owner meanwhile; were it kept, this instance would evaluate it from stale
   * state when the partition came back and save that over the newer state. It reloads from PostgreSQL instead.
   */
  retainPartitions(partitions: readonly number[]): void {
    const dropped = this.users.retainPartitions(partitions);
    for (const userId of dropped) this.engine.forget(userId);
    if (dropped.length > 0) this.logger.info({ dropped: dropped.length, partitions }, 'dropped users of partitions now owned elsewhere');
  }

  /**
   * Applies acknowledgements of alerts (from the alert-notifications topic). An acknowledged manual-reset breach
   * stops holding the user: the user's last metrics go out again with the new trading state, then the rule state is
   * saved. Acknowledgements of other rules, or repeated ones, change nothing. Answers the users whose state moved.
   */
  async acknowledgeBatch(notifications: readonly AlertNotification[]): Promise<Array<{ userId: string; ruleId: string; tradingState: RiskMetrics['tradingState'] }>> {
    const acks = notifications.filter((n) => n.event === 'acknowledged');
    const released: Array<{ userId: string; ruleId: string; tradingState: RiskMetrics['tradingState'] }> = [];
    for (const ack of acks) {
      const { userId, ruleId, alertId } = ack.alert;
      await this.exclusive([userId], async () => {
        const held = this.users.get(userId);
        const user = held ?? (await this.usersOf([userId], null)).get(userId);
        if (!user || !this.engine.acknowledge(ruleId, userId)) {
          if (!held) this.drop(userId);
          return;
        }
        const tradingState = this.engine.tradingStateOf(userId);
        try {
          if (held) {
            if (held.lastMetrics) {
              const metrics: RiskMetrics = { ...held.lastMetrics, eventId: `ack:${alertId}:${ack.version ?? 0}`.slice(0, 300), tradingState };
              held.lastMetrics = metrics;
              await this.publisher.publishAll([{ topic: Topics.riskMetrics, payload: metrics }]);
            }
            await this.repository.saveMany([{ userId, state: this.storedUser(held), rules: this.engine.snapshot(userId) }]);
          } else {
            // Not this instance's user: release the latch in the stored rule state only, and keep no stale copy.
            await this.repository.saveRuleStates(userId, this.engine.snapshot(userId));
          }
        } catch (error) {
          this.drop(userId);
          throw error;
        } finally {
          if (!held) this.drop(userId);
        }
        this.logger.info({ userId, ruleId, alertId, by: ack.actor, tradingState }, 'manual-reset breach acknowledged: its action is released');
        released.push({ userId, ruleId, tradingState });
      });
    }
    return released;
  }

  /**
   * Runs work for some users after any earlier work for the same users has settled, so an acknowledgement never
   * interleaves with a chunk of the same user between its snapshot and its save. Chunks of different partitions hold
   * different users, so they still run side by side.
   */
  private exclusive<T>(userIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const earlier = userIds.flatMap((u) => {
      const p = this.pending.get(u);
      return p ? [p] : [];
    });
    const run = earlier.length === 0 ? work() : Promise.all(earlier).then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    for (const u of userIds) this.pending.set(u, settled);
    void settled.then(() => {
      for (const u of userIds) if (this.pending.get(u) === settled) this.pending.delete(u);
    });
    return run;
  }

  private storedUser(user: CachedRiskUser): StoredUser {
    return { user: user.state.snapshot(), seenEvents: [...user.seenEvents] };
  }

  private async evaluateGroups(groups: ReturnType<typeof groupByUser>): Promise<UserEvaluation[]> {
    try {
      const partition = (groups[0]?.events[0] as ExposureEvent).context.partition;
      const users = await this.usersOf(
        groups.map((g) => g.userId),
        partition,
      );
      const results: UserEvaluation[] = [];
      const outbound: OutboundEvent[] = [];
      const toSave: RiskStateToSave[] = [];
      for (const { userId, events: updates } of groups) {
        const user = users.get(userId) as CachedRiskUser;
        const fresh = updates.filter((e) => RiskUserCache.markSeen(user, e.payload.eventId));
        if (fresh.length < updates.length) {
          const seen = updates.filter((e) => !fresh.includes(e)).map((e) => e.payload.eventId);
          this.logger.info({ userId, eventIds: seen }, 'exposure updates already evaluated');
        }
        if (fresh.length === 0) continue;
        const result = this.evaluateUser(userId, user, fresh);
        const cause = (fresh[fresh.length - 1] as ExposureEvent).context;
        for (const alert of result.alerts) outbound.push({ topic: Topics.riskAlerts, payload: alert, causedBy: cause });
        outbound.push({ topic: Topics.riskMetrics, payload: result.metrics, causedBy: cause });
        toSave.push({ userId, state: this.storedUser(user), rules: this.engine.snapshot(userId) });
        results.push(result);
      }
      if (results.length === 0) return results; // every update was a redelivery: nothing changed
      await this.publisher.publishAll(outbound);
      for (const a of results.flatMap((r) => r.alerts)) {
        this.logger.info({ alertId: a.alertId, userId: a.userId, kind: a.kind, level: a.level, observed: a.observedValue }, a.message);
      }
      await this.repository.saveMany(toSave);
      return results;
    } catch (error) {
      // The in-memory state already counted these updates; drop the users so the retry starts from the saved state.
      for (const { userId } of groups) this.drop(userId);
      throw error;
    }
  }

  /** One user, once: observe every new update in order, then figures and rules on the latest. Synchronous. */
  private evaluateUser(userId: string, user: CachedRiskUser, fresh: readonly ExposureEvent[]): UserEvaluation {
    const started = process.hrtime.bigint();
    for (const { payload } of fresh) {
      user.state.observe(observationOf(payload));
      this.learnTokens(payload);
    }
    if (fresh.some(({ payload }) => causesOf(payload).some((c) => c.kind !== 'price'))) user.monteCarlo.bookVersion++;
    const folded = foldUpdates(fresh);
    const update = folded.latest.payload;
    const { positions, assessed, evaluation, metrics } = evaluateExposure({
      update,
      state: user.state,
      market: this.market,
      scenarios: this.policy.scenarios,
      engine: this.engine,
      lookbacks: this.lookbacks,
      barMs: this.config.RISK_BAR_MS,
      monteCarlo: user.monteCarlo.latest,
      coverage: { eventId: randomUUID(), sourceEventIds: folded.sourceEventIds, tradeIds: folded.tradeIds },
      workspace: this.workspace,
    });
    // Without a covariance the book cannot be simulated (nothing priced, no history): older figures no longer apply.
    if (assessed.parametric === null) user.monteCarlo.latest = null;
    const now = Date.now();
    // Clearances travel too: the alerting service resolves the (user, rule) episode on them.
    const alerts = evaluation.findings.map((f) => alertForFinding(f, update, now));
    user.lastMetrics = metrics;
    user.lastUpdate = update;
    if (assessed.parametric !== null) this.requestMonteCarlo(userId, user, update, positions);
    this.evaluationSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    this.updatesPerEvaluation.observe(fresh.length);
    return { userId, metrics, alerts };
  }

  /** Token metadata positions valued the book with, so a pre-trade check values the same tokens the same way. */
  private learnTokens(update: ExposureUpdate): void {
    for (const p of update.positions) {
      if (p.decimals === null || this.tokens.get(p.chainId, p.token)) continue;
      this.tokens.register({ chainId: p.chainId, address: p.token, symbol: p.symbol ?? '', decimals: p.decimals, stablecoin: p.stablecoin });
    }
  }

  /** Queues a run for the user's current book when due; the figures land on the user object when it finishes. */
  private requestMonteCarlo(userId: string, user: CachedRiskUser, update: ExposureUpdate, positions: readonly AssessedPosition[]): void {
    const tracking = user.monteCarlo;
    if (!isMonteCarloDue(tracking, update.asOf, this.config.RISK_MONTE_CARLO_INTERVAL_MS)) return;
    const book = monteCarloBookOf(positions, this.market);
    if (book === null) return;
    const asOf = update.asOf;
    const accepted = this.monteCarlo.submit({ book, paths: this.config.RISK_MONTE_CARLO_PATHS, seed: MONTE_CARLO_SEED }, (outcome) => {
      tracking.pending = false;
      if ('error' in outcome) {
        this.monteCarloRuns.inc({ outcome: 'failed' });
        this.logger.warn({ userId, err: outcome.error }, 'Monte Carlo run failed; the next due evaluation retries');
        return;
      }
      this.monteCarloRuns.inc({ outcome: 'completed' });
      // A newer book's figures may already be kept (runs of one user never overlap, but a reload starts afresh).
      if (tracking.latest === null || tracking.latest.asOf <= asOf) tracking.latest = { figures: toVarFiguresUsd(outcome.figures), asOf };
    });
    if (!accepted) {
      this.monteCarloRuns.inc({ outcome: 'skipped' });
      return;
    }
    tracking.pending = true;
    tracking.requestedForBook = tracking.bookVersion;
    tracking.requestedAt = asOf;
  }

  /** The chunk's users: those in memory as they are, every other one loaded in one query. */
  private async usersOf(userIds: readonly string[], partition: number | null): Promise<Map<string, CachedRiskUser>> {
    const users = new Map<string, CachedRiskUser>();
    const missing: string[] = [];
    for (const userId of userIds) {
      const cached = this.users.get(userId);
      if (cached) users.set(userId, cached);
      else missing.push(userId);
    }
    if (missing.length === 0) return users;
    const stored = await this.repository.loadMany(missing);
    for (const userId of missing) {
      const user = this.restore(userId, stored.get(userId) ?? { state: null, rules: [] });
      this.users.put(userId, user, partition);
      users.set(userId, user);
    }
    return users;
  }

  private restore(userId: string, stored: StoredRiskState): CachedRiskUser {
    const saved = stored.state as StoredUser | null;
    this.engine.restore(userId, stored.rules as Array<{ ruleId: string; state: RuleState }>);
    return {
      state: saved ? UserRiskState.restore(saved.user) : this.newUserState(),
      seenEvents: saved?.seenEvents ?? [],
      monteCarlo: newMonteCarloTracking(),
    };
  }

  private newUserState(): UserRiskState {
    return UserRiskState.create({
      tradeWindow: this.config.RISK_TRADE_WINDOW,
      barMs: this.config.RISK_BAR_MS,
      window: this.config.RISK_HISTORY_POINTS,
      riskFreeRate: this.config.RISK_RISK_FREE_RATE,
    });
  }

  private drop(userId: string): void {
    this.users.delete(userId);
    this.engine.forget(userId);
  }
}
