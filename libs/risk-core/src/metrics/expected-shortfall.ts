import { assertConfidence, toFloat64Series, type NumericSeries } from './numeric-series';
import { lowerTailMeanOfSorted } from './sorted-quantile';

/** Historical ES core on ascending-sorted returns: −(mean of the ⌊(n − 1)(1 − c)⌋ + 1 smallest). Positive = loss. */
export const historicalExpectedShortfallOfSorted = (sorted: Float64Array, length: number, confidence: number): number =>
  -lowerTailMeanOfSorted(sorted, length, 1 - confidence);

/**
 * One-period historical expected shortfall (CVaR) of simple returns as a POSITIVE loss fraction: minus the mean of the
 * k = ⌊(n − 1)(1 − c)⌋ + 1 worst returns, the negation of empyrical's `conditional_value_at_risk(returns, 1 − c)`
 * (without ties: the mean of the returns at or below the historical VaR quantile). Never below the historical VaR
 * at the same level. Null for no returns.
 */
export function expectedShortfall(returns: NumericSeries, confidence: number): number | null {
  assertConfidence(confidence);
  const sorted = toFloat64Series(returns, 'returns').sort();
  return sorted.length === 0 ? null : historicalExpectedShortfallOfSorted(sorted, sorted.length, confidence);
}
