import { assertConfidence, toFloat64Series, type NumericSeries } from './numeric-series';
import { linearQuantileOfSorted } from './sorted-quantile';

/**
 * Historical VaR core on ascending-sorted returns: −Q(1 − confidence), Q the numpy/empyrical linear quantile. A
 * positive figure is a loss; it goes negative only when even the tail quantile is a gain (no clamping, so it mirrors
 * the reference exactly).
 */
export const historicalVaROfSorted = (sorted: Float64Array, length: number, confidence: number): number =>
  -linearQuantileOfSorted(sorted, length, 1 - confidence);

/**
 * One-period historical Value at Risk of simple returns, reported as a POSITIVE loss fraction (0.05 = 5% loss):
 * VaR_c = −percentile(returns, 100·(1 − c)) with numpy's linear interpolation between order statistics (position
 * (n − 1)(1 − c)), i.e. the negation of empyrical's `value_at_risk(returns, cutoff = 1 − c)`. Null for no returns.
 */
export function historicalVaR(returns: NumericSeries, confidence: number): number | null {
  assertConfidence(confidence);
  const sorted = toFloat64Series(returns, 'returns').sort();
  return sorted.length === 0 ? null : historicalVaROfSorted(sorted, sorted.length, confidence);
}
