import { Usd } from '../../money/usd';
import { RuleEngine } from '../rule-engine';
import { T0, rule, rules, view } from './view.fixture';

describe('scenario: acknowledging a HALTED daily-loss breach lets the user trade while the loss stands', () => {
  const engine = new RuleEngine(
    rules(
      rule({ id: 'daily-loss', kind: 'DailyLossLimit', threshold: '1000', reset: 'manual', action: 'HALTED', warningLevel: null }),
      rule({ id: 'max-exposure', kind: 'MaxExposure', threshold: '50000', action: 'REDUCING', warningLevel: null }),
    ),
  );
  const at = (seconds: number, pnl: number, gross = 1000) =>
    engine.evaluate(view({ asOf: T0 + seconds * 1000, dailyPnlUsd: new Usd(pnl), grossExposureUsd: new Usd(gross) }));

  it('halts on a 1,500 USD loss', () => {
    const e = at(0, -1500);
    expect(e.findings.map((f) => [f.ruleId, f.type])).toEqual([['daily-loss', 'breach']]);
    expect(e.tradingState).toBe('HALTED');
  });

  it('returns to ACTIVE on acknowledgement though the loss is still over the limit', () => {
    expect(engine.acknowledge('daily-loss', 'alice')).toBe(true);
    expect(engine.tradingStateOf('alice')).toBe('ACTIVE');
    const e = at(10, -1600);
    expect(e.findings).toEqual([]);
    expect(e.statuses[0]).toMatchObject({ ruleId: 'daily-loss', level: 'breach' });
    expect(e.tradingState).toBe('ACTIVE');
    expect(engine.acknowledge('daily-loss', 'alice')).toBe(false);
  });

  it('is still held by another rule in breach', () => {
    const e = at(20, -1600, 60_000);
    expect(e.tradingState).toBe('REDUCING');
    expect(engine.tradingStateOf('alice')).toBe('REDUCING');
  });

  it('re-arms once the loss clears, so the next breach halts again', () => {
    expect(at(30, -100, 1000).findings.map((f) => [f.ruleId, f.type])).toEqual([
      ['daily-loss', 'cleared'],
      ['max-exposure', 'cleared'],
    ]);
    const e = at(200, -2000);
    expect(e.findings.map((f) => [f.ruleId, f.type])).toEqual([['daily-loss', 'breach']]);
    expect(e.tradingState).toBe('HALTED');
  });

  it('keeps the release across a restart (state saved as JSON)', () => {
    engine.acknowledge('daily-loss', 'alice');
    const restarted = new RuleEngine(engine.rules);
    restarted.restore('alice', JSON.parse(JSON.stringify(engine.snapshot('alice'))));
    expect(restarted.tradingStateOf('alice')).toBe('ACTIVE');
  });
});
