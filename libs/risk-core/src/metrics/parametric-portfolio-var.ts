import type { Usd } from '../money/usd';
import { EwmaCovariance } from './ewma-covariance';
import { normalEsMultiplier, zScore } from './inverse-normal';
import { CONFIDENCE_95, CONFIDENCE_99, toVarFiguresUsd, usdFromFloat, usdValuesToFloat, type PortfolioVarInputs, type VarFiguresFloat, type VarFiguresUsd } from './var-figures';

const Z95 = zScore(CONFIDENCE_95);
const Z99 = zScore(CONFIDENCE_99);
const ES95 = normalEsMultiplier(CONFIDENCE_95);
const ES99 = normalEsMultiplier(CONFIDENCE_99);

/** Portfolio P&L standard deviation √(vᵀΣv) in USD; Σ row-major N×N. Clamped at 0 against rounding. O(N²). */
export function portfolioStdDev(values: Float64Array, covariance: Float64Array, tokens: number): number {
  let variance = 0;
  for (let i = 0; i < tokens; i++) {
    const vi = values[i] as number;
    if (vi === 0) continue;
    const row = i * tokens;
    let rowSum = 0;
    for (let j = 0; j < tokens; j++) rowSum += (covariance[row + j] as number) * (values[j] as number);
    variance += vi * rowSum;
  }
  return Math.sqrt(Math.max(variance, 0));
}

/**
 * Delta-normal figures from a P&L standard deviation, zero mean as RiskMetrics assumes for one period:
 * VaR_c = z_c·σ_P, ES_c = σ_P·φ(z_c)/(1 − c).
 */
export const gaussianFiguresOf = (portfolioStd: number): VarFiguresFloat => ({
  var95: Z95 * portfolioStd,
  var99: Z99 * portfolioStd,
  es95: ES95 * portfolioStd,
  es99: ES99 * portfolioStd,
});

export interface ParametricPortfolioVarResult extends VarFiguresUsd {
  /** σ_P = √(vᵀΣv), USD per period. */
  portfolioStdUsd: Usd;
  inputs: PortfolioVarInputs;
}

/**
 * Parametric (delta-normal) portfolio VaR and ES at 95% and 99% in USD, positive = loss: VaR = z·√(vᵀΣv) with Σ the
 * per-period return covariance (an `EwmaCovariance`, RiskMetrics λ = 0.94 by default, or any row-major N×N matrix)
 * and zero mean. Null when an EWMA estimator has seen no returns yet.
 */
export function parametricPortfolioVaR(
  valuesUsd: readonly Usd[],
  covariance: EwmaCovariance | Float64Array,
  meta: { asOf: number; oldestPriceAt: number | null; returnPoints?: number },
): ParametricPortfolioVarResult | null {
  const tokens = valuesUsd.length;
  const matrix = covariance instanceof EwmaCovariance ? covariance.covariance() : covariance;
  if (matrix.length !== tokens * tokens) throw new Error(`covariance must be ${tokens}×${tokens}, got ${matrix.length} entries`);
  const observations = covariance instanceof EwmaCovariance ? covariance.count : (meta.returnPoints ?? 0);
  if (covariance instanceof EwmaCovariance && observations === 0) return null;
  const std = portfolioStdDev(usdValuesToFloat(valuesUsd), matrix, tokens);
  return {
    ...toVarFiguresUsd(gaussianFiguresOf(std)),
    portfolioStdUsd: usdFromFloat(std),
    inputs: { asOf: meta.asOf, oldestPriceAt: meta.oldestPriceAt, returnPoints: observations, tokens },
  };
}
