import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

describe('scenario: too little data never fires a rule', () => {
  const engine = new RuleEngine(
    rules(
      rule({ kind: 'DrawdownLimit', threshold: '0.2', minSample: 10 }),
      rule({ kind: 'VarLimit', threshold: '500', params: { method: 'parametric', confidence: 95 } }),
    ),
  );

  it('leaves a 50% drawdown on 5 curve points and a VaR on 5 return points not evaluable', () => {
    const e = engine.evaluate(view({ drawdown: new Usd('0.5'), equityPoints: 5, returnPoints: 5, valueAtRisk: { ...view().valueAtRisk, parametric95: new Usd(900) } }));
    expect(e.findings).toEqual([]);
    expect(e.statuses.map((s) => s.level)).toEqual(['not-evaluable', 'not-evaluable']);
  });

  it('fires both once the samples reach their minimum (10 points; VaR defaults to 20)', () => {
    const e = engine.evaluate(view({ asOf: T0 + 1, drawdown: new Usd('0.5'), equityPoints: 10, returnPoints: 20, valueAtRisk: { ...view().valueAtRisk, parametric95: new Usd(900) } }));
    expect(e.findings.map((f) => [f.ruleId, f.type])).toEqual([
      ['drawdownlimit', 'breach'],
      ['varlimit', 'breach'],
    ]);
  });

  it('treats a missing figure as not evaluable, and a breach stands while its data is missing', () => {
    const e = engine.evaluate(view({ asOf: T0 + 2, drawdown: null, equityPoints: 10, returnPoints: 20, valueAtRisk: { ...view().valueAtRisk, parametric95: null } }));
    expect(e.findings).toEqual([]);
    expect(e.statuses.map((s) => s.level)).toEqual(['not-evaluable', 'not-evaluable']);
    expect(e.tradingState).toBe('REDUCING');
  });
});
