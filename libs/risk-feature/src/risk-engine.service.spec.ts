import { ROOT_CONTEXT } from '@opentelemetry/api';
import pino from 'pino';
import type { AlertNotification, ExposureCause, ExposureUpdate, RiskAlert, RiskMetrics } from '@hyperdex/contracts';
import type { OutboundEvent } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import type { RiskStateToSave, StoredRiskState } from '@hyperdex/persistence';
import { TokenRegistry, parseRules } from '@hyperdex/risk-core';
import { InlineMonteCarloRunner } from './monte-carlo/inline-monte-carlo-runner';
import { riskConfigSchema } from './risk.config';
import { RiskEngineService, type RiskEventPublisher, type RiskStateStore } from './risk-engine.service';
import { DEFAULT_SCENARIOS, loadRiskPolicy, type RiskPolicy } from './risk-policy';
import type { ExposureEvent } from './user-updates';

/** Records every publishAll; fails the next one when told to (a broker outage). */
class RecordingPublisher implements RiskEventPublisher {
  readonly calls: OutboundEvent[][] = [];
  failNext = false;
  async publishAll(events: readonly OutboundEvent[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('broker unavailable');
    }
    this.calls.push([...events]);
  }
  get metrics(): RiskMetrics[] {
    return this.calls.flat().flatMap((e) => (e.topic === 'hyperdex.risk-metrics.v1' ? [e.payload] : []));
  }
  get alerts(): RiskAlert[] {
    return this.calls.flat().flatMap((e) => (e.topic === 'hyperdex.risk-alerts.v1' ? [e.payload] : []));
  }
}

/** PostgreSQL as a map of JSON round-trips (the real repository has its own integration spec). */
class MemoryStore implements RiskStateStore {
  readonly rows = new Map<string, string>();
  readonly loads: string[][] = [];
  readonly saves: string[][] = [];
  failNextSave = false;
  async loadMany(userIds: readonly string[]): Promise<Map<string, StoredRiskState>> {
    this.loads.push([...userIds]);
    return new Map(userIds.map((id) => [id, JSON.parse(this.rows.get(id) ?? '{"state":null,"rules":[]}') as StoredRiskState]));
  }
  async saveMany(entries: readonly RiskStateToSave[]): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('database unavailable');
    }
    this.saves.push(entries.map((e) => e.userId));
    for (const e of entries) this.rows.set(e.userId, JSON.stringify({ state: e.state, rules: e.rules }));
  }
  async saveRuleStates(userId: string, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void> {
    this.saves.push([`rules:${userId}`]);
    const row = JSON.parse(this.rows.get(userId) ?? '{"state":null,"rules":[]}') as StoredRiskState;
    const byRule = new Map(row.rules.map((r) => [r.ruleId, r]));
    for (const r of rules) byRule.set(r.ruleId, r);
    this.rows.set(userId, JSON.stringify({ state: row.state, rules: [...byRule.values()] }));
  }
}

const T0 = Date.UTC(2026, 2, 1, 12);
const BAR = 60_000;
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

const trade = (tradeId: string, realizedPnlUsd: string | null = null): ExposureCause => ({
  kind: 'trade',
  tradeId,
  executedAt: T0,
  outcome: { closesPosition: realizedPnlUsd !== null, realizedPnlUsd: realizedPnlUsd ?? '0', notionalUsd: '3000', feesUsd: '0' },
});
const priceMove: ExposureCause = { kind: 'price', chainId: 1, token: WETH };

let offset = 0;
/** An exposure update of a book holding only WETH worth `valueUsd`. */
const update = (userId: string, eventId: string, causes: ExposureCause[], valueUsd: string, asOf = T0, realizedPnlUsd = '0'): ExposureEvent => {
  const payload: ExposureUpdate = {
    eventId,
    userId,
    asOf,
    cause: causes[causes.length - 1] as ExposureCause,
    causes,
    grossExposureUsd: valueUsd,
    netExposureUsd: valueUsd,
    stablecoinExposureUsd: '0',
    volatileExposureUsd: valueUsd,
    realizedPnlUsd,
    unrealizedPnlUsd: '0',
    feesUsd: '0',
    pnlComplete: true,
    positions: [
      { chainId: 1, token: WETH, symbol: 'WETH', decimals: 18, balance: '1', priceUsd: '3000', priceTimestamp: asOf, valueUsd, share: '1', stablecoin: false, costUsd: valueUsd, averageCostUsd: '3000', unrealizedPnlUsd: '0', realizedPnlUsd, feesUsd: '0' },
    ],
    unpriced: [],
    oldestPriceAt: asOf,
  };
  return { payload, context: { topic: 'hyperdex.positions.v1', partition: 0, offset: String(offset++), key: userId, timestamp: asOf, trace: ROOT_CONTEXT } };
};

const config = (env: Record<string, string> = {}) => riskConfigSchema.parse({ RISK_MAX_EXPOSURE_USD: '100000', RISK_MONTE_CARLO_WORKERS: '0', ...env });

function engineWith(env: Record<string, string> = {}, policy?: RiskPolicy, store = new MemoryStore()) {
  const publisher = new RecordingPublisher();
  const metrics = new ServiceMetrics('risk-spec');
  const cfg = config(env);
  const engine = new RiskEngineService(cfg, policy ?? loadRiskPolicy(cfg), store, publisher, new InlineMonteCarloRunner(), pino({ level: 'silent' }), metrics, new TokenRegistry());
  return { engine, publisher, store, metrics };
}

const ruleLevel = (m: RiskMetrics | undefined, ruleId: string) => m?.rules.find((r) => r.ruleId === ruleId)?.level;

describe('RiskEngineService: one chunk of the positions topic', () => {
  it('evaluates each user once on their latest update, folding every update in, with one publish and one save', async () => {
    const { engine, publisher, store } = engineWith();
    const chunk = [
      update('ann', 'a1', [trade('t1')], '150000'),
      update('bob', 'b1', [trade('t9')], '3000'),
      update('ann', 'a2', [trade('t2', '-10'), trade('t3', '-20')], '120000'),
      update('ann', 'a3', [priceMove], '70000'),
    ];
    const results = await engine.evaluateBatch(chunk);

    expect(store.loads).toEqual([['ann', 'bob']]);
    expect(publisher.calls).toHaveLength(1);
    expect(store.saves).toEqual([['ann', 'bob']]);
    expect(results.map((r) => r.userId)).toEqual(['ann', 'bob']);
    const ann = publisher.metrics.find((m) => m.userId === 'ann');
    expect(ann).toMatchObject({ sourceEventId: 'a3', sourceEventIds: ['a1', 'a2', 'a3'], tradeIds: ['t1', 't2', 't3'], grossExposureUsd: '70000' });
    // Every closed trade of the folded updates counted, in order.
    expect(ann?.trades).toMatchObject({ closedTrades: 2, consecutiveLosses: 2 });
    // Rules judge the latest state only: 70,000 is under the 100,000 limit (and its 80% warning), so no alert although a1 was above it.
    expect(ruleLevel(ann, 'max-exposure')).toBe('ok');
    expect(publisher.alerts).toEqual([]);
    expect(publisher.metrics.find((m) => m.userId === 'bob')).toMatchObject({ sourceEventIds: ['b1'], tradeIds: ['t9'] });
  });

  it('publishes a user’s alerts and metrics caused by their last update, alerts first', async () => {
    const { engine, publisher } = engineWith();
    const chunk = [update('cat', 'c1', [trade('t1')], '3000'), update('cat', 'c2', [trade('t2')], '150000')];
    await engine.evaluateBatch(chunk);
    const [events] = publisher.calls;
    expect(events?.map((e) => [e.topic, e.causedBy])).toEqual([
      ['hyperdex.risk-alerts.v1', chunk[1]?.context],
      ['hyperdex.risk-metrics.v1', chunk[1]?.context],
    ]);
    expect(publisher.alerts.map((a) => [a.alertId, a.sourceEventId])).toEqual([['max-exposure:cat:1', 'c2']]);
  });

  it('skips updates already evaluated, and publishes nothing for a chunk of redeliveries', async () => {
    const { engine, publisher, store } = engineWith();
    const chunk = [update('dan', 'd1', [trade('t1', '-5')], '3000')];
    await engine.evaluateBatch(chunk);
    expect(await engine.evaluateBatch(chunk)).toEqual([]);
    await engine.evaluateBatch([...chunk, update('dan', 'd2', [priceMove], '3100')]);
    expect(publisher.metrics.map((m) => [m.sourceEventIds, m.trades.closedTrades])).toEqual([
      [['d1'], 1],
      [['d2'], 1],
    ]);
    expect(store.saves).toHaveLength(2);
  });

  it('forgets the users of a partition moved to another instance, so their state is reloaded when it comes back', async () => {
    // Found by the deterministic simulation: an instance that got a partition back saved its stale copy of a user
    // over what the other instance had observed meanwhile.
    const { engine, store } = engineWith();
    await engine.evaluateBatch([update('gil', 'g1', [trade('t1', '-5')], '3000')]);
    engine.retainPartitions([0]);
    await engine.evaluateBatch([update('gil', 'g2', [trade('t2', '-5')], '3000')]);
    expect(store.loads).toEqual([['gil']]);
    engine.retainPartitions([1, 2]);
    await engine.evaluateBatch([update('gil', 'g3', [trade('t3', '-5')], '3000')]);
    expect(store.loads).toEqual([['gil'], ['gil']]);
  });

  it('after a failed publish, drops the chunk’s users so the retry starts from the saved state', async () => {
    const { engine, publisher, store } = engineWith();
    await engine.evaluateBatch([update('eve', 'e1', [trade('t1', '-5')], '3000'), update('fay', 'f1', [trade('t2')], '3000')]);
    const chunk = [update('eve', 'e2', [trade('t3', '-5')], '150000'), update('fay', 'f2', [trade('t4', '-1')], '3000')];
    publisher.failNext = true;
    await expect(engine.evaluateBatch(chunk)).rejects.toThrow('broker unavailable');
    await engine.evaluateBatch(chunk);
    // Reloaded (one query for both), and each closed trade counted once.
    expect(store.loads.at(-1)).toEqual(['eve', 'fay']);
    expect(publisher.metrics.map((m) => [m.userId, m.trades.closedTrades, m.trades.consecutiveLosses])).toEqual([
      ['eve', 1, 1],
      ['fay', 0, 0],
      ['eve', 2, 2],
      ['fay', 1, 1],
    ]);
  });

  it('after alerts went out but the save failed, the replay reproduces the same alert ids', async () => {
    const { engine, publisher, store } = engineWith();
    const chunk = [update('gus', 'g1', [trade('t1')], '150000')];
    store.failNextSave = true;
    await expect(engine.evaluateBatch(chunk)).rejects.toThrow('database unavailable');
    await engine.evaluateBatch(chunk);
    expect(publisher.alerts.map((a) => a.alertId)).toEqual(['max-exposure:gus:1', 'max-exposure:gus:1']);
    // Saved once the replay succeeded: a later chunk stays in breach without a new alert.
    await engine.evaluateBatch([update('gus', 'g2', [priceMove], '160000')]);
    expect(publisher.alerts).toHaveLength(2);
  });
});

describe('RiskEngineService: partitions moving between instances', () => {
  it('drops the users of a partition that moved away, and reloads them when it comes back', async () => {
    // Two instances saving to the same database.
    const shared = new MemoryStore();
    const a = engineWith({}, undefined, shared);
    const b = engineWith({}, undefined, shared);
    await a.engine.evaluateBatch([update('ida', 'i1', [trade('t1', '-5')], '3000')]);
    // Partition 0 moves to b, which evaluates a new closed loss and saves it.
    a.engine.retainPartitions([1]);
    b.engine.retainPartitions([0]);
    await b.engine.evaluateBatch([update('ida', 'i2', [trade('t2', '-5')], '3000')]);
    // And back to a: a must start from b's save, not from its own stale copy.
    b.engine.retainPartitions([1]);
    a.engine.retainPartitions([0]);
    await a.engine.evaluateBatch([update('ida', 'i3', [trade('t3', '-5')], '3000')]);
    expect(shared.loads).toEqual([['ida'], ['ida'], ['ida']]);
    expect(a.publisher.metrics.map((m) => [m.sourceEventIds, m.trades.closedTrades, m.trades.consecutiveLosses])).toEqual([
      [['i1'], 1, 1],
      [['i3'], 3, 3],
    ]);
    const saved = JSON.parse(shared.rows.get('ida') as string) as { state: { seenEvents: string[] } };
    expect(saved.state.seenEvents).toEqual(['i1', 'i2', 'i3']);
  });

  it('keeps the users of partitions it still owns', async () => {
    const { engine, store } = engineWith();
    await engine.evaluateBatch([update('jon', 'j1', [trade('t1')], '3000')]);
    engine.retainPartitions([0, 3]);
    await engine.evaluateBatch([update('jon', 'j2', [trade('t2')], '3000')]);
    expect(store.loads).toEqual([['jon']]);
  });
});

describe('RiskEngineService: clearances and acknowledgements', () => {
  const haltPolicy = (): RiskPolicy => ({
    rules: parseRules([
      { id: 'daily-loss', kind: 'DailyLossLimit', threshold: '100', severity: 'critical', scope: { type: 'global' }, action: 'HALTED', reset: 'manual', warningLevel: null },
      { id: 'max-exposure', kind: 'MaxExposure', threshold: '100000', severity: 'critical', scope: { type: 'global' }, warningLevel: null },
    ]),
    scenarios: DEFAULT_SCENARIOS,
  });
  const ack = (alert: RiskAlert, version = 2): AlertNotification => ({ alert, status: 'acknowledged', event: 'acknowledged', recordedAt: T0, version, actor: 'kim' });

  it('publishes a clearance as an alert with change "cleared" and level "ok"', async () => {
    const { engine, publisher } = engineWith({}, haltPolicy());
    await engine.evaluateBatch([update('lou', 'l1', [trade('t1')], '150000')]);
    await engine.evaluateBatch([update('lou', 'l2', [priceMove], '3000')]);
    expect(publisher.alerts.map((a) => [a.alertId, a.change, a.level, a.severity])).toEqual([
      ['max-exposure:lou:1', 'breach', 'breach', 'critical'],
      ['max-exposure:lou:2', 'cleared', 'ok', 'info'],
    ]);
  });

  it('acknowledging the HALTED daily-loss breach republishes the metrics as ACTIVE, once', async () => {
    const { engine, publisher, store } = engineWith({}, haltPolicy());
    await engine.evaluateBatch([update('kim', 'k1', [trade('t1', '-500')], '3000', T0, '-500')]);
    expect(publisher.metrics.at(-1)?.tradingState).toBe('HALTED');
    const [breach] = publisher.alerts;
    expect(breach).toMatchObject({ ruleId: 'daily-loss', change: 'breach' });

    // An acknowledgement of another rule, or of nothing latched, changes nothing.
    expect(await engine.acknowledgeBatch([ack({ ...(breach as RiskAlert), ruleId: 'max-exposure' })])).toEqual([]);
    expect(await engine.acknowledgeBatch([ack(breach as RiskAlert)])).toEqual([{ userId: 'kim', ruleId: 'daily-loss', tradingState: 'ACTIVE' }]);
    expect(publisher.metrics.at(-1)).toMatchObject({ userId: 'kim', tradingState: 'ACTIVE', eventId: 'ack:daily-loss:kim:1:2' });
    expect(await engine.acknowledgeBatch([ack(breach as RiskAlert)])).toEqual([]);
    expect(store.saves.at(-1)).toEqual(['kim']);

    // The loss still stands, so the rule stays in breach, but it no longer halts the user.
    await engine.evaluateBatch([update('kim', 'k2', [priceMove], '3000', T0 + 1000, '-500')]);
    expect(publisher.metrics.at(-1)).toMatchObject({ tradingState: 'ACTIVE' });
    expect(ruleLevel(publisher.metrics.at(-1), 'daily-loss')).toBe('breach');
  });

  it('releases the latch of a user this instance does not hold in the stored rule state only', async () => {
    const first = engineWith({}, haltPolicy());
    await first.engine.evaluateBatch([update('mo', 'm1', [trade('t1', '-500')], '3000', T0, '-500')]);
    const breach = first.publisher.alerts[0] as RiskAlert;
    const other = engineWith({}, haltPolicy());
    other.store.rows.set('mo', first.store.rows.get('mo') as string);
    expect(await other.engine.acknowledgeBatch([ack(breach)])).toEqual([{ userId: 'mo', ruleId: 'daily-loss', tradingState: 'ACTIVE' }]);
    expect(other.store.saves).toEqual([['rules:mo']]);
    expect(other.publisher.calls).toEqual([]);
    const stored = JSON.parse(other.store.rows.get('mo') as string) as StoredRiskState;
    expect(stored.rules.find((r) => r.ruleId === 'daily-loss')?.state).toMatchObject({ level: 'breach', awaitingAcknowledgement: false, released: true });
  });
});

describe('RiskEngineService: Monte Carlo off the hot path', () => {
  const mcPolicy = (): RiskPolicy => ({
    rules: parseRules([{ id: 'mc-var', kind: 'VarLimit', threshold: '1', severity: 'warning', scope: { type: 'global' }, minSample: 2, params: { method: 'monteCarlo', confidence: 99 } }]),
    scenarios: DEFAULT_SCENARIOS,
  });
  /** Five one-minute bars of WETH, so the market model has a covariance for a WETH book. */
  const withHistory = (engine: RiskEngineService) => {
    ['3000', '3060', '2998.8', '3058.776', '2905.8372', '2963.953944'].forEach((priceUsd, i) =>
      engine.applyPrice({ chainId: 1, token: WETH, priceUsd, timestamp: T0 + i * BAR, source: 'spec' }),
    );
  };

  it('carries the figures of the last finished run with the asOf of the book they were computed for', async () => {
    const { engine, publisher } = engineWith({}, mcPolicy());
    withHistory(engine);
    const asOf = T0 + 5 * BAR;
    await engine.evaluateBatch([update('hal', 'h1', [trade('t1')], '3000', asOf)]);
    const first = publisher.metrics[0];
    expect(first?.valueAtRisk).toMatchObject({ monteCarlo: null, monteCarloAsOf: null });
    expect(first?.valueAtRisk.parametric).not.toBeNull();
    expect(ruleLevel(first, 'mc-var')).toBe('not-evaluable');

    await engine.monteCarloIdle();
    await engine.evaluateBatch([update('hal', 'h2', [priceMove], '3000', asOf + 1_000)]);
    const second = publisher.metrics[1];
    expect(second?.valueAtRisk.monteCarloAsOf).toBe(asOf);
    expect(Number(second?.valueAtRisk.monteCarlo?.var99Usd)).toBeGreaterThan(0);
    // The VarLimit rule on Monte Carlo judges the latest available figures.
    expect(ruleLevel(second, 'mc-var')).toBe('breach');
    expect(publisher.alerts.map((a) => [a.alertId, a.sourceEventId])).toEqual([['mc-var:hal:1', 'h2']]);
  });

  it('runs once per book and interval, and counts the runs a full queue skipped', async () => {
    const { engine, publisher, metrics } = engineWith({ RISK_MONTE_CARLO_QUEUE: '1' }, mcPolicy());
    withHistory(engine);
    const asOf = T0 + 5 * BAR;
    await engine.evaluateBatch([update('ivy', 'i1', [trade('t1')], '3000', asOf), update('jon', 'j1', [trade('t2')], '6000', asOf)]);
    await engine.monteCarloIdle();
    // ivy's run finished; jon's was skipped (queue of one) and is requested again on his next update.
    await engine.evaluateBatch([update('ivy', 'i2', [priceMove], '3000', asOf + 1), update('jon', 'j2', [priceMove], '6000', asOf + 1)]);
    await engine.monteCarloIdle();
    await engine.evaluateBatch([update('ivy', 'i3', [priceMove], '3000', asOf + 2), update('jon', 'j3', [priceMove], '6000', asOf + 2)]);
    const asOfs = (userId: string) => publisher.metrics.filter((m) => m.userId === userId).map((m) => m.valueAtRisk.monteCarloAsOf);
    expect(asOfs('ivy')).toEqual([null, asOf, asOf]);
    expect(asOfs('jon')).toEqual([null, null, asOf + 1]);
    const runs = await metrics.registry.getSingleMetric('hyperdex_risk_monte_carlo_runs_total')?.get();
    expect(Object.fromEntries((runs?.values ?? []).map((v) => [v.labels['outcome'], v.value]))).toEqual({ completed: 2, skipped: 1 });
  });
});
