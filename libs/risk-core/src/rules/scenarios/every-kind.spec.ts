import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import type { RuleJson } from '../rule-definition';
import type { UserRiskView } from '../user-risk-view';
import { T0, rule, rules, view } from './view.fixture';

/** Each kind, at exactly its threshold (allowed: the threshold is the largest value permitted) and just above it. */
const cases: Array<[string, RuleJson, Partial<UserRiskView>, Partial<UserRiskView>]> = [
  ['MaxExposure', rule({ kind: 'MaxExposure', threshold: '50000' }), { grossExposureUsd: new Usd('50000') }, { grossExposureUsd: new Usd('50000.01') }],
  ['ConcentrationLimit', rule({ kind: 'ConcentrationLimit', threshold: '0.4' }), { largestShare: new Usd('0.4') }, { largestShare: new Usd('0.4001') }],
  ['DrawdownLimit', rule({ kind: 'DrawdownLimit', threshold: '0.15' }), { drawdown: new Usd('0.15') }, { drawdown: new Usd('0.1501') }],
  [
    'DrawdownLimit over a look-back',
    rule({ kind: 'DrawdownLimit', threshold: '0.1', lookbackMs: 3_600_000 }),
    { drawdownWithin: new Map([[3_600_000, new Usd('0.1')]]) },
    { drawdownWithin: new Map([[3_600_000, new Usd('0.11')]]) },
  ],
  [
    'VarLimit (Monte Carlo 95%)',
    rule({ kind: 'VarLimit', threshold: '2500', params: { method: 'monteCarlo', confidence: 95 } }),
    { valueAtRisk: { ...view().valueAtRisk, monteCarlo95: new Usd(2500) } },
    { valueAtRisk: { ...view().valueAtRisk, monteCarlo95: new Usd(2501) } },
  ],
  ['ConsecutiveLosses', rule({ kind: 'ConsecutiveLosses', threshold: '5' }), { consecutiveLosses: 5 }, { consecutiveLosses: 6 }],
  ['DailyLossLimit', rule({ kind: 'DailyLossLimit', threshold: '1000' }), { dailyPnlUsd: new Usd(-1000) }, { dailyPnlUsd: new Usd('-1000.5') }],
  [
    'StressLossLimit',
    rule({ kind: 'StressLossLimit', threshold: '20000', params: { scenarioId: 'eth-30' } }),
    { stressLossUsd: new Map([['eth-30', new Usd(20000)]]) },
    { stressLossUsd: new Map([['eth-30', new Usd(20001)]]) },
  ],
  ['UnpricedExposure (count)', rule({ kind: 'UnpricedExposure', threshold: '2' }), { unpricedCount: 2 }, { unpricedCount: 3 }],
  [
    'UnpricedExposure (share)',
    rule({ kind: 'UnpricedExposure', threshold: '0.25', params: { measure: 'share' } }),
    { unpricedShareOfPositions: new Usd('0.25') },
    { unpricedShareOfPositions: new Usd('0.3') },
  ],
  ['StalePrice', rule({ kind: 'StalePrice', threshold: '300000' }), { oldestPriceAt: T0 - 300_000 }, { oldestPriceAt: T0 - 300_001 }],
];

describe.each(cases)('%s', (_name, json, atThreshold, above) => {
  it('does not fire at its threshold and fires just above it', () => {
    const engine = new RuleEngine(rules({ ...json, warningLevel: null }));
    expect(engine.evaluate(view(atThreshold)).findings).toEqual([]);
    const e = engine.evaluate(view({ ...above, asOf: T0 + 1 }));
    expect(e.findings).toEqual([expect.objectContaining({ type: 'breach', kind: json.kind, ruleId: json.id })]);
    expect(e.findings[0]?.message.length).toBeGreaterThan(10);
  });
});

describe('a daily gain', () => {
  it('never breaches a daily loss limit', () => {
    const engine = new RuleEngine(rules(rule({ kind: 'DailyLossLimit', threshold: '1' })));
    expect(engine.evaluate(view({ dailyPnlUsd: new Usd(5000) })).statuses[0]).toMatchObject({ level: 'ok' });
  });
});
