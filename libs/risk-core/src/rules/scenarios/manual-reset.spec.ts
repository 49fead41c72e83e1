import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

describe('scenario: a manual-reset rule stays in breach until acknowledged', () => {
  const engine = new RuleEngine(rules(rule({ kind: 'ConsecutiveLosses', threshold: '3', reset: 'manual', action: 'HALTED', warningLevel: null })));

  it('halts trading after a fourth consecutive loss', () => {
    const e = engine.evaluate(view({ consecutiveLosses: 4 }));
    expect(e.findings.map((f) => f.type)).toEqual(['breach']);
    expect(e.tradingState).toBe('HALTED');
  });

  it('stays halted after a win resets the streak, until someone acknowledges', () => {
    const e = engine.evaluate(view({ asOf: T0 + 1000, consecutiveLosses: 0 }));
    expect(e.findings).toEqual([]);
    expect(e.tradingState).toBe('HALTED');
    expect(engine.acknowledge('consecutivelosses', 'bob')).toBe(false);
    expect(engine.acknowledge('consecutivelosses', 'alice')).toBe(true);
    const after = engine.evaluate(view({ asOf: T0 + 2000, consecutiveLosses: 0 }));
    expect(after.findings.map((f) => f.type)).toEqual(['cleared']);
    expect(after.tradingState).toBe('ACTIVE');
  });

  it('persists its state as JSON and resumes without re-alerting', () => {
    engine.evaluate(view({ asOf: T0 + 3000, consecutiveLosses: 5 }));
    const saved = JSON.parse(JSON.stringify(engine.snapshot('alice')));
    const restarted = new RuleEngine(engine.rules);
    restarted.restore('alice', saved);
    const e = restarted.evaluate(view({ asOf: T0 + 4000, consecutiveLosses: 6 }));
    expect(e.findings).toEqual([]);
    expect(e.tradingState).toBe('HALTED');
  });
});
