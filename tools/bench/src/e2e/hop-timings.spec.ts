import { Topics, type AlertNotification, type ExposureUpdate, type RiskAlert, type RiskMetrics } from '@hyperdex/contracts';
import { HopMatcher, slowestHop, type HopTable } from './hop-timings';
import { summarizeLatencies } from './latency-summary';

const exposure = (eventId: string, userId: string, tradeId: string) =>
  ({
    eventId,
    userId,
    cause: { kind: 'trade', tradeId, executedAt: 1, outcome: { closesPosition: false, realizedPnlUsd: null, notionalUsd: null, feesUsd: null } },
  }) as unknown as ExposureUpdate;
const metrics = (eventId: string, sourceEventId: string, tradeIds?: string[]) => ({ eventId, userId: 'u', sourceEventId, tradeIds }) as unknown as RiskMetrics;
const alert = (alertId: string, sourceEventId: string): RiskAlert => ({
  alertId,
  ruleId: 'max-exposure',
  kind: 'MaxExposure',
  userId: 'u',
  severity: 'critical',
  observedValue: '300000',
  threshold: '100000',
  message: 'm',
  triggeredAt: 1,
  sourceEventId,
});

describe('HopMatcher', () => {
  it('times every hop of a trade from record timestamps and socket arrivals', () => {
    const m = new HopMatcher();
    m.record(Topics.trades, 1005, { tradeId: 't1' });
    m.record(Topics.positions, 1012, exposure('e1', 'u', 't1'));
    m.record(Topics.riskMetrics, 1030, metrics('m1', 'e1'));
    m.record(Topics.riskAlerts, 1025, alert('a1', 'e1'));
    m.record(Topics.alertNotifications, 1040, { alert: alert('a1', 'e1'), status: 'open', recordedAt: 1 } satisfies AlertNotification);
    m.exposure(exposure('e1', 'u', 't1'), 1015);
    m.riskMetrics(metrics('m1', 'e1'), 1033);
    m.alert({ alert: alert('a1', 'e1'), status: 'open', recordedAt: 1 }, 1044);
    const table = m.hops([{ tradeId: 't1', userId: 'u', sentAt: 1000, expectsAlert: true }]);
    const p50 = Object.fromEntries(Object.entries(table).map(([hop, s]) => [hop, s.p50Ms]));
    expect(p50).toEqual({
      'POST → trades record': 5,
      'trades → positions': 7,
      'positions → risk-metrics': 18,
      'positions → risk-alerts': 13,
      'risk-alerts → notification': 15,
      'positions record → socket': 3,
      'risk-metrics record → socket': 3,
      'notification record → socket': 4,
    });
  });

  it('prefers risk metrics’ tradeIds, and counts a trade stuck after a hop as missing on the next', () => {
    const m = new HopMatcher();
    m.record(Topics.trades, 1005, { tradeId: 't1' });
    m.record(Topics.trades, 1006, { tradeId: 't2' });
    m.record(Topics.positions, 1010, exposure('e1', 'u', 't1'));
    m.record(Topics.riskMetrics, 1050, metrics('m1', 'elsewhere', ['t1']));
    const table = m.hops([
      { tradeId: 't1', userId: 'u', sentAt: 1000, expectsAlert: false },
      { tradeId: 't2', userId: 'u', sentAt: 1000, expectsAlert: false },
    ]);
    expect(table['positions → risk-metrics']).toMatchObject({ count: 1, p50Ms: 40 });
    expect(table['trades → positions']).toMatchObject({ count: 1, missing: 1, p99Ms: null });
  });
});

describe('slowestHop', () => {
  const table = (overrides: Partial<HopTable>): HopTable =>
    ({
      'POST → trades record': summarizeLatencies([2]),
      'trades → positions': summarizeLatencies([30]),
      'positions → risk-metrics': summarizeLatencies([]),
      'positions → risk-alerts': summarizeLatencies([]),
      'risk-alerts → notification': summarizeLatencies([]),
      'positions record → socket': summarizeLatencies([4]),
      'risk-metrics record → socket': summarizeLatencies([]),
      'notification record → socket': summarizeLatencies([]),
      ...overrides,
    }) as HopTable;

  it('names the hop with the largest p99', () => {
    expect(slowestHop(table({}))).toEqual({ hop: 'trades → positions', p99Ms: 30, missing: 0 });
  });

  it('ranks a hop whose p99 is beyond the wait above any measured one', () => {
    expect(slowestHop(table({ 'positions → risk-metrics': summarizeLatencies([1], 5) }))?.hop).toBe('positions → risk-metrics');
  });
});
