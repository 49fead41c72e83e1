import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { rule, rules, view } from './view.fixture';

describe('scenario: per-user scope and the most restrictive trading state', () => {
  const engine = new RuleEngine(
    rules(
      rule({ id: 'desk-exposure', kind: 'MaxExposure', threshold: '10000', action: 'REDUCING', warningLevel: null }),
      rule({ id: 'bob-losses', kind: 'ConsecutiveLosses', threshold: '2', action: 'HALTED', scope: { type: 'user', userIds: ['bob'] }, warningLevel: null }),
    ),
  );

  it('applies a user-scoped rule only to its users', () => {
    const alice = engine.evaluate(view({ userId: 'alice', consecutiveLosses: 9 }));
    expect(alice.statuses.map((s) => s.ruleId)).toEqual(['desk-exposure']);
    expect(alice.findings).toEqual([]);
  });

  it('recommends HALTED when a HALTED rule and a REDUCING rule are both in breach', () => {
    const bob = engine.evaluate(view({ userId: 'bob', consecutiveLosses: 3, grossExposureUsd: new Usd(20000) }));
    expect(bob.findings.map((f) => [f.ruleId, f.tradingState])).toEqual([
      ['desk-exposure', 'REDUCING'],
      ['bob-losses', 'HALTED'],
    ]);
    expect(bob.tradingState).toBe('HALTED');
  });

  it('keeps each user state apart', () => {
    expect(engine.snapshot('bob').map((s) => [s.ruleId, s.state.level])).toEqual([
      ['desk-exposure', 'breach'],
      ['bob-losses', 'breach'],
    ]);
    expect(engine.snapshot('alice').map((s) => [s.ruleId, s.state.level])).toEqual([['desk-exposure', 'ok']]);
  });
});
