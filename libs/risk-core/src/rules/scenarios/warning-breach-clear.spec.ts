import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

/**
 * MaxExposure 100,000 USD, warning at 80% (80,000), hysteresis 5%: a breach clears below 95,000, a warning below
 * 76,000. Exposure walks 70k → 85k → 101k → 99k → 94k → 77k → 75k, one minute apart.
 */
describe('scenario: warning, escalation to breach, and a clearance that needs the hysteresis band', () => {
  const engine = new RuleEngine(rules(rule({ kind: 'MaxExposure', threshold: '100000', action: 'REDUCING' })));
  const at = (minute: number, gross: number) => engine.evaluate(view({ asOf: T0 + minute * 60_000, grossExposureUsd: new Usd(gross) }));

  it('is quiet below the warning level', () => {
    const e = at(0, 70_000);
    expect(e.findings).toEqual([]);
    expect(e.statuses[0]).toMatchObject({ level: 'ok' });
    expect(e.tradingState).toBe('ACTIVE');
  });

  it('warns above 80,000 and keeps trading ACTIVE', () => {
    const e = at(1, 85_000);
    expect(e.findings).toEqual([expect.objectContaining({ type: 'warning', level: 'warning', severity: 'warning', tradingState: 'ACTIVE' })]);
    expect(e.findings[0]?.message).toBe('Gross exposure 85000.00 USD passed the warning level of 80000.00 USD');
  });

  it('escalates to a breach above 100,000 and recommends REDUCING', () => {
    const e = at(2, 101_000);
    expect(e.findings).toEqual([expect.objectContaining({ type: 'escalated', level: 'breach', severity: 'critical', tradingState: 'REDUCING' })]);
    expect(e.findings[0]?.message).toBe('Gross exposure 101000.00 USD exceeds the limit of 100000.00 USD');
    expect(e.tradingState).toBe('REDUCING');
  });

  it('stays in breach at 99,000 (inside the 5% band), then clears to warning at 94,000', () => {
    expect(at(3, 99_000).findings).toEqual([]);
    expect(engine.evaluate(view({ asOf: T0 + 3 * 60_000, grossExposureUsd: new Usd(99_000) })).tradingState).toBe('REDUCING');
    const e = at(4, 94_000);
    expect(e.findings).toEqual([expect.objectContaining({ type: 'cleared', level: 'warning', severity: 'info' })]);
    expect(e.tradingState).toBe('ACTIVE');
  });

  it('keeps the warning at 77,000 and clears it at 75,000 (below 76,000)', () => {
    expect(at(5, 77_000).findings).toEqual([]);
    expect(at(6, 75_000).findings).toEqual([expect.objectContaining({ type: 'cleared', level: 'ok' })]);
  });
});
