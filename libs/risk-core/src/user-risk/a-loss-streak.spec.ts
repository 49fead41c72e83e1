import { parseUsd } from '../money/usd-amount';
import { formatUsd } from '../money/usd-amount';
import { TradeStats } from './trade-stats';

/** Pinned sequence of closed trades: +50, −20, −30, 0 (scratch), −10, then a +5 win. */
describe('scenario: a losing streak, a scratch trade, then a win', () => {
  const stats = new TradeStats(500);
  const close = (pnl: string, notional: string) => stats.record({ realizedPnlUsd: parseUsd(pnl), notionalUsd: parseUsd(notional) });

  it('counts three consecutive losses: the scratch trade neither extends nor breaks the streak', () => {
    close('50', '1000');
    close('-20', '400');
    close('-30', '600');
    close('0', '200');
    close('-10', '800');
    expect(stats.consecutiveLosses).toBe(3);
    expect(stats.maxConsecutiveLosses).toBe(3);
    expect(stats.closedTrades).toBe(5);
    expect(stats.winRate).toBeCloseTo(1 / 5, 12);
    expect(formatUsd(stats.averageTradeSizeUsd ?? 0n)).toBe('600');
  });

  it('resets the streak on a win and keeps the worst streak seen', () => {
    close('5', '100');
    expect(stats.consecutiveLosses).toBe(0);
    expect(stats.maxConsecutiveLosses).toBe(3);
    expect(stats.winRate).toBeCloseTo(2 / 6, 12);
  });
});

describe('TradeStats window', () => {
  it('forgets the oldest trades beyond its window, counts included', () => {
    const stats = new TradeStats(3);
    for (const pnl of ['10', '10', '-1', '-1', '-1']) stats.record({ realizedPnlUsd: parseUsd(pnl), notionalUsd: parseUsd('100') });
    expect(stats.closedTrades).toBe(3);
    expect(stats.winRate).toBe(0);
    expect(stats.consecutiveLosses).toBe(3);
    const restored = TradeStats.restore(JSON.parse(JSON.stringify(stats.snapshot())));
    expect(restored.snapshot()).toEqual(stats.snapshot());
    expect(restored.winRate).toBe(0);
  });
});
