import { Usd, type Usd as UsdValue } from '../money/usd';

/** One-period VaR and ES at the two reported levels, as positive USD losses in float64 (the hot-path form). */
export interface VarFiguresFloat {
  var95: number;
  var99: number;
  es95: number;
  es99: number;
}

/** The same figures as Decimal USD, for the wire (`var95Usd` … as in the risk-metrics contract). */
export interface VarFiguresUsd {
  var95Usd: UsdValue;
  var99Usd: UsdValue;
  es95Usd: UsdValue;
  es99Usd: UsdValue;
}

/** What a portfolio figure was computed from, so callers can report its age and sample size. */
export interface PortfolioVarInputs {
  /** When the figures were computed (epoch ms), passed through. */
  asOf: number;
  /** Oldest price timestamp behind the values and returns (epoch ms), passed through; null when unknown. */
  oldestPriceAt: number | null;
  /** Return observations used (historical: aligned points; parametric: EWMA updates; Monte Carlo: the same). */
  returnPoints: number;
  tokens: number;
}

export const CONFIDENCE_95 = 0.95;
export const CONFIDENCE_99 = 0.99;

/**
 * Float USD to Decimal USD at the boundary. The estimate carries float64 precision (~15 significant digits); rounding
 * to cents-and-below keeps binary noise digits off the wire.
 */
export const usdFromFloat = (value: number): UsdValue => new Usd(value.toPrecision(15));

export const toVarFiguresUsd = (figures: VarFiguresFloat): VarFiguresUsd => ({
  var95Usd: usdFromFloat(figures.var95),
  var99Usd: usdFromFloat(figures.var99),
  es95Usd: usdFromFloat(figures.es95),
  es99Usd: usdFromFloat(figures.es99),
});

/** USD values to a float vector, once per call at the boundary. */
export function usdValuesToFloat(values: readonly UsdValue[], out = new Float64Array(values.length)): Float64Array {
  values.forEach((value, i) => {
    const float = value.toNumber();
    if (!Number.isFinite(float)) throw new Error(`valuesUsd[${i}] is not finite: ${value.toString()}`);
    out[i] = float;
  });
  return out;
}
