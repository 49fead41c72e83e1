import fc from 'fast-check';
import { currentDrawdown, drawdownDetails, maxDrawdown } from './drawdown';

/** empyrical builds 100·Π(1 + r) with the starting 100 included; so do we, to compare on its fixtures. */
const equityFromReturns = (returns: number[]): number[] => {
  const curve = [100];
  for (const r of returns) curve.push((curve[curve.length - 1] as number) * (1 + r));
  return curve;
};

describe('maxDrawdown', () => {
  // quantopian/empyrical, empyrical/tests/test_stats.py, TestStats.test_max_drawdown (commit 2cbc9b3; the same figures
  // in stefan-jansen/empyrical-reloaded tests/test_stats.py): empyrical reports the drawdown negated; the input series
  // are reproduced exactly (percent / 100). Precision 8 as its DECIMAL_PLACES.
  it.each([
    ['simple_benchmark', [1, 1, 1, 1, 1, 1, 1, 1, 1], 0],
    ['one_return', [1], 0],
    ['mixed_returns (leading NaN dropped)', [1, 10, -4, 2, 3, 2, 1, -10], 0.1],
    ['positive_returns', [1, 2, 1, 1, 1, 1, 1, 1, 1], 0],
    ['negative_returns', [0, -6, -7, -1, -9, -2, -6, -8, -5], 0.36590730349873601],
    ['[10, -10, 10]', [10, -10, 10], 0.1],
  ])('%s → %p', (_name, percents, expected) => {
    const equity = equityFromReturns(percents.map((p) => p / 100));
    expect(maxDrawdown(equity)).toBeCloseTo(expected, 8);
  });

  it('locates the peak and trough of the largest fall and the drawdown now', () => {
    const details = drawdownDetails([100, 120, 90, 110, 60, 80]);
    expect(details).toEqual({ maxDrawdown: 0.5, peakIndex: 1, troughIndex: 4, currentDrawdown: 40 / 120, points: 6 });
    expect(currentDrawdown(['100', '120', '114'])).toBeCloseTo(0.05, 12);
  });

  it('is 0 with no peak-to-trough fall and on empty input', () => {
    expect(drawdownDetails([])).toEqual({ maxDrawdown: 0, peakIndex: null, troughIndex: null, currentDrawdown: 0, points: 0 });
    expect(maxDrawdown([1, 2, 3])).toBe(0);
  });

  it('rejects garbage naming the argument and index', () => {
    expect(() => maxDrawdown([1, 'abc', 3])).toThrow('values[1]');
    expect(() => maxDrawdown([1, Number.NaN])).toThrow('values[1]');
    expect(() => maxDrawdown([0, 1])).toThrow('positive');
  });

  it('property: drawdown lies in [0, 1] and current ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const d = drawdownDetails(values);
        expect(d.maxDrawdown).toBeGreaterThanOrEqual(0);
        expect(d.maxDrawdown).toBeLessThanOrEqual(1);
        expect(d.currentDrawdown).toBeLessThanOrEqual(d.maxDrawdown + 1e-12);
      }),
    );
  });
});
