import fc from 'fast-check';
import { parseUsd } from '../money/usd-amount';
import { consecutiveLosses } from '../metrics/consecutive-losses';
import { maxDrawdown } from '../metrics/drawdown';
import { sharpeRatio } from '../metrics/sharpe-ratio';
import { sortinoRatio } from '../metrics/sortino-ratio';
import { winRate } from '../metrics/win-rate';
import { EquityIndex } from './equity-index';
import { TradeStats } from './trade-stats';

const BAR_MS = 60_000;
const BARS_PER_YEAR = (365 * 24 * 3600 * 1000) / BAR_MS;

/** The O(1) per-event state must agree with the documented functional API on the same series. */
describe('incremental user state agrees with the functional metrics', () => {
  it('TradeStats: win rate and losing streaks as winRate / consecutiveLosses compute them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), (pnls) => {
        const stats = new TradeStats(500);
        for (const pnl of pnls) stats.record({ realizedPnlUsd: parseUsd(String(pnl)), notionalUsd: null });
        expect(stats.winRate).toBeCloseTo(winRate(pnls) ?? Number.NaN, 12);
        expect(stats.consecutiveLosses).toBe(consecutiveLosses(pnls).current);
        expect(stats.maxConsecutiveLosses).toBe(consecutiveLosses(pnls).max);
      }),
    );
  });

  it('EquityIndex: Sharpe, Sortino and drawdown of its bar returns as the series functions compute them', () => {
    const pnlPath = fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 120 });
    fc.assert(
      fc.property(pnlPath, (steps) => {
        const equity = new EquityIndex({ barMs: BAR_MS, window: 1000, riskFreeRate: 0 });
        let pnl = 0;
        steps.forEach((step, bar) => {
          pnl += step;
          equity.update(bar * BAR_MS, parseUsd(String(pnl)), parseUsd('10000'));
        });
        equity.update(steps.length * BAR_MS, parseUsd(String(pnl)), parseUsd('10000'));
        const returns = equity.barReturns();
        const curve = returns.reduce((c, r) => [...c, (c[c.length - 1] as number) * (1 + r)], [1]);
        const expectedSharpe = sharpeRatio(returns, { periodsPerYear: BARS_PER_YEAR });
        const expectedSortino = sortinoRatio(returns, { periodsPerYear: BARS_PER_YEAR });
        if (expectedSharpe === null) expect(equity.sharpe).toBeNull();
        else expect(equity.sharpe).toBeCloseTo(expectedSharpe, 6);
        if (expectedSortino === null) expect(equity.sortino).toBeNull();
        else expect(equity.sortino).toBeCloseTo(expectedSortino, 6);
        expect(equity.maxDrawdown).toBeCloseTo(maxDrawdown(curve), 9);
      }),
    );
  });
});
