import { toFloat64Series, type NumericSeries } from './numeric-series';
import { perPeriodRate, resolvePeriodsPerYear, type AnnualisationOptions } from './performance-options';

export interface SharpeOptions extends AnnualisationOptions {
  /** Annual risk-free rate as a fraction (0.04 = 4%); per period it is riskFreeRate / periodsPerYear. Default 0. */
  riskFreeRate?: number;
}

/**
 * Sharpe core: mean(r − rf) / std(r − rf, ddof = 1) · √periodsPerYear over the first `length` returns, with rf
 * already per period. Null when undefined: fewer than two points or zero dispersion (empyrical gives NaN or ±inf).
 */
export function sharpeRatioOf(returns: Float64Array, length: number, perPeriodRiskFree: number, periodsPerYear: number): number | null {
  if (length < 2) return null;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += (returns[i] as number) - perPeriodRiskFree;
  const mean = sum / length;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const d = (returns[i] as number) - perPeriodRiskFree - mean;
    squares += d * d;
  }
  const std = Math.sqrt(squares / (length - 1));
  // A flat series leaves rounding dust, not dispersion: treat it as zero rather than report a huge ratio.
  if (!(std > 1e-15 * Math.max(1, Math.abs(mean)))) return null;
  return (mean / std) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised Sharpe ratio of per-period simple returns (0.01 = +1%): mean excess return over the sample standard
 * deviation (ddof = 1) of excess returns, times √periodsPerYear, as empyrical's `sharpe_ratio`. The per-period
 * risk-free rate is the annual `riskFreeRate` / `periodsPerYear`. Returns null (never NaN/Infinity) for fewer than two
 * returns or zero standard deviation.
 */
export function sharpeRatio(returns: NumericSeries, options?: SharpeOptions): number | null {
  const series = toFloat64Series(returns, 'returns');
  const periodsPerYear = resolvePeriodsPerYear(options);
  return sharpeRatioOf(series, series.length, perPeriodRate(options?.riskFreeRate, periodsPerYear, 'riskFreeRate'), periodsPerYear);
}
