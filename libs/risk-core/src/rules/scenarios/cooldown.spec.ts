import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

describe('scenario: a breach that re-enters within its cooldown alerts once', () => {
  const engine = new RuleEngine(rules(rule({ kind: 'MaxExposure', threshold: '1000', warningLevel: null, cooldownMs: 60_000 })));
  const at = (seconds: number, gross: number) => engine.evaluate(view({ asOf: T0 + seconds * 1000, grossExposureUsd: new Usd(gross) }));

  it('alerts on the first breach, and clears', () => {
    expect(at(0, 1500).findings.map((f) => f.type)).toEqual(['breach']);
    expect(at(10, 500).findings.map((f) => f.type)).toEqual(['cleared']);
  });

  it('tracks a re-breach 20 s later without a second alert', () => {
    const e = at(20, 1500);
    expect(e.findings).toEqual([]);
    expect(e.statuses[0]?.level).toBe('breach');
    expect(e.tradingState).toBe('REDUCING');
  });

  it('alerts again once the cooldown since the last alert has passed', () => {
    expect(at(30, 500).findings.map((f) => f.type)).toEqual(['cleared']);
    expect(at(61, 1500).findings.map((f) => f.type)).toEqual(['breach']);
  });
});
