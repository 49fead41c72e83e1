import fc from 'fast-check';
import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

describe('rule engine properties', () => {
  it('raises at most one breach for any walk that stays within the hysteresis band once past the threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 95_000.01, max: 110_000, noNaN: true }), { minLength: 1, maxLength: 60 }), (walk) => {
        const engine = new RuleEngine(rules(rule({ kind: 'MaxExposure', threshold: '100000', cooldownMs: 0, warningLevel: null, hysteresis: 0.05 })));
        let breaches = 0;
        engine.evaluate(view({ grossExposureUsd: new Usd(100_001) })).findings.forEach((f) => f.type === 'breach' && breaches++);
        walk.forEach((gross, i) => {
          for (const f of engine.evaluate(view({ asOf: T0 + (i + 1) * 1000, grossExposureUsd: new Usd(gross.toFixed(2)) })).findings) {
            if (f.type === 'breach' || f.type === 'cleared') breaches++;
          }
        });
        expect(breaches).toBe(1);
      }),
    );
  });

  it('is idempotent: evaluating the same view twice reports the change once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (gross) => {
        const engine = new RuleEngine(rules(rule({ kind: 'MaxExposure', threshold: '100000' })));
        const v = view({ grossExposureUsd: new Usd(gross) });
        engine.evaluate(v);
        expect(engine.evaluate(v).findings).toEqual([]);
      }),
    );
  });
});
