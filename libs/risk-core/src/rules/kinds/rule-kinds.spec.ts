import { RuleKindSchema } from '@hyperdex/contracts';
import { RuleSetError, parseRules } from '../rule-definition';
import { RULE_KINDS, RULE_KIND_REGISTRY } from './rule-kinds';

describe('the rule-kind registry', () => {
  it('holds each kind once, described, with a name the published contract accepts', () => {
    expect(new Set(RULE_KINDS).size).toBe(RULE_KIND_REGISTRY.length);
    for (const kind of RULE_KIND_REGISTRY) {
      expect(RuleKindSchema.safeParse(kind.kind).success).toBe(true);
      expect(kind.description.length).toBeGreaterThan(20);
    }
  });

  it('keeps the nine kinds the contract enum used to list', () => {
    expect([...RULE_KINDS].sort()).toEqual(
      ['ConcentrationLimit', 'ConsecutiveLosses', 'DailyLossLimit', 'DrawdownLimit', 'MaxExposure', 'StalePrice', 'StressLossLimit', 'UnpricedExposure', 'VarLimit'].sort(),
    );
  });

  it("checks params against the rule's own kind, naming the field", () => {
    const base = { threshold: '100', severity: 'warning', scope: { type: 'global' } } as const;
    try {
      parseRules([
        { ...base, id: 'a', kind: 'MaxExposure', params: { measure: 'share' } },
        { ...base, id: 'b', kind: 'VarLimit', params: { method: 'guess', confidence: 90 } },
        { ...base, id: 'c', kind: 'UnpricedExposure', params: { measure: 'share' } },
      ]);
      throw new Error('expected a RuleSetError');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError);
      const byField = Object.fromEntries((error as RuleSetError).errors.map((e) => [e.field, e.reason]));
      expect(byField).toEqual({
        'rules[0].params': 'unknown field(s) for MaxExposure: measure',
        'rules[1].params.method': 'must be historical, parametric or monteCarlo',
        'rules[1].params.confidence': 'must be 95 or 99',
        'rules[2].threshold': 'must be a fraction ≤ 1 when measure is share',
      });
    }
  });

  it('fills kind defaults into the parsed params', () => {
    const [r] = parseRules([{ id: 'v', kind: 'VarLimit', threshold: '100', severity: 'warning', scope: { type: 'global' } }]);
    expect(r?.params).toEqual({ method: 'historical', confidence: 99 });
  });
});
