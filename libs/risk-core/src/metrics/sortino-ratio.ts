import { toFloat64Series, type NumericSeries } from './numeric-series';
import { perPeriodRate, resolvePeriodsPerYear, type AnnualisationOptions } from './performance-options';

export interface SortinoOptions extends AnnualisationOptions {
  /**
   * Annual minimum acceptable return as a fraction; per period it is minimumAcceptableReturn / periodsPerYear
   * (empyrical's `required_return`). Default 0.
   */
  minimumAcceptableReturn?: number;
}

/**
 * Downside deviation core, per period (not annualised): √(mean over ALL n periods of min(r − target, 0)²). Periods
 * above the target count as zeros, as empyrical's `downside_risk` does (not a semi-deviation over losers only).
 */
export function downsideDeviationOf(returns: Float64Array, length: number, perPeriodTarget: number): number {
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const shortfall = (returns[i] as number) - perPeriodTarget;
    if (shortfall < 0) squares += shortfall * shortfall;
  }
  return Math.sqrt(squares / length);
}

/**
 * Sortino core: mean(r − target) / downside deviation · √periodsPerYear. Null for fewer than two points or no
 * downside (empyrical returns +inf there).
 */
export function sortinoRatioOf(returns: Float64Array, length: number, perPeriodTarget: number, periodsPerYear: number): number | null {
  if (length < 2) return null;
  const downside = downsideDeviationOf(returns, length, perPeriodTarget);
  if (!(downside > 0)) return null;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += (returns[i] as number) - perPeriodTarget;
  return (sum / length / downside) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised downside deviation: the per-period figure times √periodsPerYear (empyrical `downside_risk`). Null for an
 * empty series.
 */
export function downsideDeviation(returns: NumericSeries, options?: SortinoOptions): number | null {
  const series = toFloat64Series(returns, 'returns');
  if (series.length === 0) return null;
  const periodsPerYear = resolvePeriodsPerYear(options);
  const target = perPeriodRate(options?.minimumAcceptableReturn, periodsPerYear, 'minimumAcceptableReturn');
  return downsideDeviationOf(series, series.length, target) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sortino ratio of per-period simple returns, as empyrical's `sortino_ratio`: mean(r − target) over the
 * downside deviation √(mean(min(r − target, 0)²)) taken over ALL periods, times √periodsPerYear. Null (never
 * NaN/Infinity) for fewer than two returns or when no period falls below the target.
 */
export function sortinoRatio(returns: NumericSeries, options?: SortinoOptions): number | null {
  const series = toFloat64Series(returns, 'returns');
  const periodsPerYear = resolvePeriodsPerYear(options);
  const target = perPeriodRate(options?.minimumAcceptableReturn, periodsPerYear, 'minimumAcceptableReturn');
  return sortinoRatioOf(series, series.length, target, periodsPerYear);
}
