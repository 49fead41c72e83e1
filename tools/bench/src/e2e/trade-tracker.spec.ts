import type { ExposureCause } from '@hyperdex/contracts';
import { TradeTracker } from './trade-tracker';

const tradeCause = (tradeId: string): ExposureCause => ({
  kind: 'trade',
  tradeId,
  executedAt: 1_764_000_000_000,
  outcome: { closesPosition: false, realizedPnlUsd: null, notionalUsd: null, feesUsd: null },
});
const priceCause: ExposureCause = { kind: 'price', chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' };

function tracker(): TradeTracker {
  const t = new TradeTracker();
  for (const [id, user] of [['t1', 'alice'], ['t2', 'alice'], ['t3', 'bob']] as const) {
    t.posted({ tradeId: id, userId: user }, 'latency', 100);
    t.answered(id, 202, 110);
  }
  return t;
}

describe('TradeTracker', () => {
  it('an exposure covers the trade of its cause (one update per trade)', () => {
    const t = tracker();
    t.exposure({ eventId: 'e1', userId: 'alice', cause: tradeCause('t1') }, 130);
    expect(t.get('t1')).toMatchObject({ exposureAt: 130, exposureEventId: 'e1' });
    expect(t.outstanding('latency')).toEqual({ exposure: 2, metrics: 3, alert: 0 });
  });

  it('an exposure covers every trade of `causes` (updates folded under load); only the first arrival counts', () => {
    const t = tracker();
    t.exposure({ eventId: 'e1', userId: 'alice', cause: tradeCause('t2'), causes: [tradeCause('t1'), priceCause, tradeCause('t2')] }, 150);
    t.exposure({ eventId: 'e2', userId: 'alice', cause: tradeCause('t2') }, 190);
    expect(t.get('t1')?.exposureAt).toBe(150);
    expect(t.get('t2')).toMatchObject({ exposureAt: 150, exposureEventId: 'e1' });
  });

  it('ignores a price-caused update and another user’s update naming the trade', () => {
    const t = tracker();
    t.exposure({ eventId: 'e1', userId: 'alice', cause: priceCause }, 120);
    t.exposure({ eventId: 'e2', userId: 'bob', cause: tradeCause('t1') }, 120);
    expect(t.get('t1')?.exposureAt).toBeUndefined();
  });

  it('risk metrics cover their tradeIds when the producer sends them', () => {
    const t = tracker();
    t.riskMetrics({ userId: 'alice', sourceEventId: 'e9', tradeIds: ['t1', 't2'] }, 200);
    expect([t.get('t1')?.metricsAt, t.get('t2')?.metricsAt]).toEqual([200, 200]);
  });

  it('without tradeIds, risk metrics cover the trades of the exposure updates they name, even if those are learnt later', () => {
    const t = tracker();
    t.exposure({ eventId: 'e1', userId: 'alice', cause: tradeCause('t1') }, 130);
    t.riskMetrics({ userId: 'alice', sourceEventId: 'e1' }, 160);
    expect(t.get('t1')?.metricsAt).toBe(160);
    // Metrics for bob reach the socket before bob's exposure; the Kafka record of the exposure resolves them.
    t.riskMetrics({ userId: 'bob', sourceEventId: 'e3', sourceEventIds: ['e3'] }, 170);
    expect(t.get('t3')?.metricsAt).toBeUndefined();
    t.exposureRecord({ eventId: 'e3', userId: 'bob', cause: tradeCause('t3') });
    expect(t.get('t3')?.metricsAt).toBe(170);
  });

  it('the first MaxExposure alert of a user answers that user’s breaking trade; other kinds do not', () => {
    const t = tracker();
    t.posted({ tradeId: 'big', userId: 'bob' }, 'latency', 500, true);
    t.answered('big', 202, 510);
    const alert = (kind: 'MaxExposure' | 'ConsecutiveLosses', at: number) =>
      t.alert({ alert: { alertId: `a${at}`, ruleId: 'r', kind, userId: 'bob', severity: 'critical', observedValue: '1', threshold: '1', message: 'm', triggeredAt: at, sourceEventId: 'x' } }, at);
    alert('ConsecutiveLosses', 550);
    expect(t.get('big')?.alertAt).toBeUndefined();
    alert('MaxExposure', 560);
    alert('MaxExposure', 600);
    expect(t.get('big')?.alertAt).toBe(560);
    expect(t.outstanding('latency').alert).toBe(0);
  });

  it('owes events for accepted and still unanswered trades, not for refused ones', () => {
    const t = new TradeTracker();
    for (const id of ['x', 'y', 'z']) t.posted({ tradeId: id, userId: 'u' }, 'throughput', 1);
    expect(t.unanswered('throughput')).toBe(3);
    t.answered('x', 503, 2);
    t.answered('y', 202, 2);
    expect(t.outstanding('throughput')).toEqual({ exposure: 2, metrics: 2, alert: 0 });
    expect(t.owed('throughput').map((a) => a.tradeId)).toEqual(['y', 'z']);
  });
});
