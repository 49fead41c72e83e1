import { meanOf, sampleStdOf } from './sample-moments';
import { assertConfidence, toFloat64Series, type NumericSeries } from './numeric-series';
import { normalEsMultiplier, zScore } from './inverse-normal';

/** Mean and sample standard deviation (ddof = 1) behind a Gaussian figure; null below two points. */
function gaussianMoments(returns: NumericSeries): { mean: number; std: number } | null {
  const series = toFloat64Series(returns, 'returns');
  if (series.length < 2) return null;
  const mean = meanOf(series);
  return { mean, std: sampleStdOf(series, series.length, mean) };
}

/** Gaussian VaR core: z_c·σ − μ with z_c = Φ⁻¹(c) > 0, i.e. −(μ + Φ⁻¹(1 − c)·σ). Positive = loss. */
export const gaussianVaR = (mean: number, std: number, confidence: number): number => zScore(confidence) * std - mean;

/** Gaussian ES core: σ·φ(z_c)/(1 − c) − μ, the mean loss beyond the Gaussian VaR. Positive = loss. */
export const gaussianExpectedShortfall = (mean: number, std: number, confidence: number): number =>
  normalEsMultiplier(confidence) * std - mean;

/**
 * One-period parametric (normal) VaR of simple returns as a POSITIVE loss fraction:
 * VaR_c = −(μ + Φ⁻¹(1 − c)·σ) = Φ⁻¹(c)·σ − μ, μ the sample mean and σ the sample standard deviation (ddof = 1).
 * Φ⁻¹ is Wichura's AS241. Null below two returns.
 */
export function parametricVaR(returns: NumericSeries, confidence: number): number | null {
  assertConfidence(confidence);
  const moments = gaussianMoments(returns);
  return moments === null ? null : gaussianVaR(moments.mean, moments.std, confidence);
}

/**
 * One-period parametric (normal) expected shortfall as a POSITIVE loss fraction: ES_c = σ·φ(Φ⁻¹(c))/(1 − c) − μ,
 * same μ and σ as `parametricVaR`. Always ≥ the normal VaR at the same level. Null below two returns.
 */
export function parametricExpectedShortfall(returns: NumericSeries, confidence: number): number | null {
  assertConfidence(confidence);
  const moments = gaussianMoments(returns);
  return moments === null ? null : gaussianExpectedShortfall(moments.mean, moments.std, confidence);
}
