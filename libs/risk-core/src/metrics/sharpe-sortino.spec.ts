import { downsideDeviation, sortinoRatio } from './sortino-ratio';
import { sharpeRatio } from './sharpe-ratio';

// Reference: stefan-jansen/empyrical-reloaded (the maintained fork of quantopian/empyrical), tests/test_stats.py at
// commit 31173cf, fixtures from tests/conftest.py reproduced exactly (percent / 100). mixed_returns starts with NaN,
// which empyrical's nan-aware mean/std skip, so it is left out here. (quantopian/empyrical's older test file, commit
// 2cbc9b3, lists other mixed_returns figures, 1.6369 for Sharpe, computed by a since-fixed NaN handling.)
const pct = (values: number[]): number[] => values.map((v) => v / 100);
const MIXED = pct([1, 10, -4, 2, 3, 2, 1, -10]);
const POSITIVE = pct([1, 2, 1, 1, 1, 1, 1, 1, 1]);
const NEGATIVE = pct([0, -6, -7, -1, -9, -2, -6, -8, -5]);
const WEEKLY = pct([0, 1, 10, -4, 2, 3, 2, 1, -10]);
const SIMPLE_BENCHMARK = pct([1, 1, 1, 1, 1, 1, 1, 1, 1]);
const DAILY = { periodsPerYear: 252 }; // empyrical's DAILY annualisation factor

describe('sharpeRatio', () => {
  // TestStats.test_sharpe_ratio, precision 8 (DECIMAL_PLACES).
  it.each([
    ['mixed_returns', MIXED, 1.7238613961706866],
    ['positive_returns', POSITIVE, 52.915026221291804],
    ['negative_returns', NEGATIVE, -24.406808633910085],
  ])('%s with rf = 0 → %p', (_name, returns, expected) => {
    expect(sharpeRatio(returns, DAILY)).toBeCloseTo(expected as number, 8);
  });

  it('is null where empyrical gives NaN/inf: empty, one return, zero dispersion', () => {
    expect(sharpeRatio([], DAILY)).toBeNull();
    expect(sharpeRatio([0.01], DAILY)).toBeNull(); // test_sharpe_ratio: one_return → nan
    expect(sharpeRatio(SIMPLE_BENCHMARK, DAILY)).toBeNull();
  });

  it('subtracts an annual risk-free rate per period (rf / periodsPerYear) and defaults to 365 periods', () => {
    // Shifting returns and rf together leaves the ratio unchanged (test_sharpe_translation_same).
    const shifted = MIXED.map((r) => r + 0.005);
    expect(sharpeRatio(shifted, { periodsPerYear: 252, riskFreeRate: 0.005 * 252 })).toBeCloseTo(1.7238613961706866, 8);
    expect(sharpeRatio(MIXED)).toBeCloseTo(1.7238613961706866 * Math.sqrt(365 / 252), 8);
  });

  it('parses decimal strings and rejects garbage naming the index', () => {
    expect(sharpeRatio(MIXED.map(String), DAILY)).toBeCloseTo(1.7238613961706866, 8);
    expect(() => sharpeRatio(['0.01', 'Infinity'])).toThrow('returns[1]');
    expect(() => sharpeRatio([0.01, Number.POSITIVE_INFINITY])).toThrow('returns[1]');
  });
});

describe('downsideDeviation and sortinoRatio', () => {
  // TestStats.test_downside_risk, precision 8. required_return is per period in empyrical; ours is annual, so the
  // 0.1 case passes 0.1 × 252.
  it.each([
    ['mixed_returns, 0', MIXED, 0, 252, 0.60448325038829653],
    ['mixed_returns, 0.1', MIXED, 0.1 * 252, 252, 1.7161730681956295],
    ['weekly_returns, 0, WEEKLY', WEEKLY, 0, 52, 0.25888650451930134],
    ['monthly_returns, 0, MONTHLY', WEEKLY, 0, 12, 0.1243650540411842],
  ])('downside risk %s → %p', (_name, returns, mar, periods, expected) => {
    expect(downsideDeviation(returns as number[], { periodsPerYear: periods as number, minimumAcceptableReturn: mar as number })).toBeCloseTo(
      expected as number,
      8,
    );
  });

  // TestStats.test_sortino, precision 8.
  it.each([
    ['mixed_returns, DAILY', MIXED, 252, 2.605531251673693],
    ['negative_returns, DAILY', NEGATIVE, 252, -13.532743075043401],
    ['weekly_returns, WEEKLY', WEEKLY, 52, 1.1158901056866439],
    ['monthly_returns, MONTHLY', WEEKLY, 12, 0.53605626741889756],
  ])('sortino %s → %p', (_name, returns, periods, expected) => {
    expect(sortinoRatio(returns as number[], { periodsPerYear: periods as number })).toBeCloseTo(expected as number, 8);
  });

  it('is null where empyrical gives inf or NaN: no downside, one return', () => {
    expect(sortinoRatio(POSITIVE, DAILY)).toBeNull(); // test_sortino: positive_returns → inf
    expect(sortinoRatio([0.01], DAILY)).toBeNull(); // one_return → nan
    expect(downsideDeviation([], DAILY)).toBeNull();
  });
});
