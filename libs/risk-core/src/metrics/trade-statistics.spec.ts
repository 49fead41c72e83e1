import fc from 'fast-check';
import { Usd } from '../money/usd';
import { averageTradeSize } from './average-trade-size';
import { concentration } from './concentration';
import { consecutiveLosses } from './consecutive-losses';
import { winRate } from './win-rate';

describe('concentration', () => {
  // U.S. DOJ, "Herfindahl-Hirschman Index" (justice.gov/atr/herfindahl-hirschman-index): four firms with shares of
  // 30, 30, 20 and 20 percent have HHI = 30² + 30² + 20² + 20² = 2,600 points, i.e. 0.26 as a fraction.
  it('gives the DOJ worked example: HHI 0.26, largest share 0.3', () => {
    const result = concentration([new Usd(300), new Usd('-300'), '200', new Usd(200)]);
    expect(result?.herfindahl.toString()).toBe('0.26');
    expect(result?.largestShare.toString()).toBe('0.3');
    expect(result?.positions).toBe(4);
  });

  it('is null with no exposure and rejects garbage', () => {
    expect(concentration([])).toBeNull();
    expect(concentration([new Usd(0)])).toBeNull();
    expect(() => concentration(['12', 'x'])).toThrow('values[1]');
  });

  it('property: HHI ∈ [1/n, 1] and largest share ∈ [1/n, 1] over non-zero positions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }).filter((v) => v !== 0), { minLength: 1, maxLength: 40 }), (values) => {
        const result = concentration(values.map((v) => new Usd(v)));
        const n = values.length;
        const floor = new Usd(1).div(n);
        expect(result?.herfindahl.greaterThanOrEqualTo(floor.minus('1e-70'))).toBe(true);
        expect(result?.herfindahl.lessThanOrEqualTo(1)).toBe(true);
        expect(result?.largestShare.greaterThanOrEqualTo(floor.minus('1e-70'))).toBe(true);
      }),
    );
  });
});

describe('winRate', () => {
  // quantopian/pyfolio pyfolio/round_trips.py SUMMARY_STATS: 'Percent profitable' = len(x[x > 0]) / len(x) over all
  // round trips, 'Even round_trips' = len(x[x == 0]): break-even trades count in the denominator, not as wins.
  it('counts PnL > 0 as a win and break-even as a closed non-win', () => {
    expect(winRate([100, -50, 0, 25])).toBe(0.5);
    expect(winRate(['1500', '-0.01'])).toBe(0.5);
    expect(winRate([])).toBeNull();
    expect(() => winRate([1, 'NaN'])).toThrow('pnls[1]');
  });
});

describe('consecutiveLosses', () => {
  // todomato/KnowYourSystem KnowUrSystem.Test/Features/LosingStreaks.feature, scenario "計算連續虧損次數": records
  // win, loss, loss, win, win, loss, loss, loss give losing streaks 2 and 3; "計算連續虧損次數2": eight losses give 8.
  it('reproduces the reference streaks', () => {
    expect(consecutiveLosses([1, -1, -1, 1, 1, -1, -1, -1])).toEqual({ current: 3, max: 3 });
    expect(consecutiveLosses([-1, -1, -1, -1, -1, -1, -1, -1])).toEqual({ current: 8, max: 8 });
  });

  it('resets on a win; break-even neither extends nor resets', () => {
    expect(consecutiveLosses([-5, -5, -5, 2, -1])).toEqual({ current: 1, max: 3 });
    expect(consecutiveLosses([-5, 0, -5])).toEqual({ current: 2, max: 2 });
    expect(consecutiveLosses([])).toEqual({ current: 0, max: 0 });
  });
});

describe('averageTradeSize', () => {
  // Architecture spec /work/shared/spec/hyperdex-risk-architecture.md RiskMetrics.avg_trade_size; pyfolio's round-trip
  // 'Avg. trade net profit' is the plain mean ('mean') the same way. Sizes are absolute notionals.
  it('is the mean absolute notional, exact in Decimal', () => {
    expect(averageTradeSize([new Usd(500), new Usd(-500), '200'])?.toString()).toBe('400');
    expect(averageTradeSize(['0.1', '0.2'])?.toString()).toBe('0.15');
    expect(averageTradeSize([])).toBeNull();
    expect(() => averageTradeSize(['1', 'abc'])).toThrow('notionals[1]');
  });
});
