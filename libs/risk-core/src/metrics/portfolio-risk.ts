import { Usd, type Usd as UsdValue } from '../money/usd';
import { concentration, type Concentration } from './concentration';
import { drawdownOf } from './drawdown';
import { EwmaCovariance, RISKMETRICS_LAMBDA, ewmaCovarianceOf } from './ewma-covariance';
import { historicalVarFiguresOf } from './historical-portfolio-var';
import { monteCarloVarFiguresOf, type MonteCarloOptions } from './monte-carlo-portfolio-var';
import { gaussianFiguresOf, portfolioStdDev } from './parametric-portfolio-var';
import { DEFAULT_PERIODS_PER_YEAR } from './performance-options';
import { RiskWorkspace } from './risk-workspace';
import { sharpeRatioOf } from './sharpe-ratio';
import { sortinoRatioOf } from './sortino-ratio';
import { toVarFiguresUsd, usdValuesToFloat, type VarFiguresUsd } from './var-figures';

export interface PortfolioRiskInput {
  /** Today's signed USD value per token (short < 0), in the same order as `returns`. */
  valuesUsd: readonly UsdValue[];
  /** Aligned per-token simple-return columns, newest last (e.g. filled by `alignReturns`). */
  returns: readonly Float64Array[];
  /** Use the last `points` entries of every column; default the shortest column's length. */
  points?: number;
  /** Computation time (epoch ms), passed through to the result. */
  asOf: number;
  /** Oldest price timestamp behind values and returns (epoch ms), passed through; null when unknown. */
  oldestPriceAt: number | null;
  /**
   * Per-period covariance for the parametric and Monte Carlo figures: an incrementally maintained `EwmaCovariance`
   * (the fast path: O(N²) to read) or a row-major N×N matrix. When omitted, an EWMA is computed in batch from
   * `returns` (O(N²·T), far slower at 20 tokens × 500 points).
   */
  covariance?: EwmaCovariance | Float64Array;
  /** EWMA decay for the batch fallback; default 0.94. */
  lambda?: number;
  /**
   * Equity curve for drawdown, any positive unit (drawdown is scale-free), oldest first. When omitted, the curve of
   * today's book held through history is used: E₀ = 1, E_t = E_{t−1}(1 + P&L_t / gross).
   */
  equityCurve?: Float64Array;
  /** For Sharpe/Sortino on the portfolio return series; default 365. */
  periodsPerYear?: number;
  /** Annual risk-free rate for Sharpe (fraction); default 0. */
  riskFreeRate?: number;
  /** Run Monte Carlo too (tens of ms at 10,000 paths); omitted = not run, figures null. */
  monteCarlo?: MonteCarloOptions;
  /** Fewer aligned return points than this ⇒ return-based figures are null. Default 2. */
  minReturnPoints?: number;
}

export interface PortfolioRiskResult {
  asOf: number;
  oldestPriceAt: number | null;
  tokens: number;
  /** Aligned return observations behind historical VaR, Sharpe, Sortino and the simulated equity curve. */
  returnPoints: number;
  /** Observations behind the covariance (EWMA updates, or `returnPoints` for the batch fallback). */
  covariancePoints: number;
  grossUsd: UsdValue;
  concentration: Concentration | null;
  historical: VarFiguresUsd | null;
  parametric: (VarFiguresUsd & { portfolioStdUsd: UsdValue }) | null;
  monteCarlo: (VarFiguresUsd & { paths: number; seed: number; choleskyJitter: number }) | null;
  drawdown: { max: number; current: number; equityPoints: number } | null;
  /** Annualised, on portfolio returns P&L_t / gross. */
  sharpe: number | null;
  sortino: number | null;
}

/**
 * Every portfolio figure in one call, the entry point the engine (and the benchmark) uses: concentration (Decimal),
 * historical VaR/ES, parametric EWMA VaR/ES, optional Monte Carlo VaR/ES, drawdown, Sharpe and Sortino. Money enters
 * and leaves as Decimal; statistics run in float64 over workspace buffers, so repeated calls with one `workspace`
 * allocate only their small result objects.
 */
export function computePortfolioRisk(input: PortfolioRiskInput, workspace = new RiskWorkspace()): PortfolioRiskResult {
  const tokens = input.valuesUsd.length;
  if (input.returns.length !== tokens) throw new Error(`returns must have one column per value (${tokens}), got ${input.returns.length}`);
  const points = tokens === 0 ? 0 : (input.points ?? Math.min(...input.returns.map((column) => column.length)));
  const enoughPoints = tokens > 0 && points >= (input.minReturnPoints ?? 2);
  workspace.ensure(tokens, points, input.monteCarlo ? (input.monteCarlo.paths ?? 10_000) : 0);

  const values = usdValuesToFloat(input.valuesUsd, workspace.values);
  let grossFloat = 0;
  for (let i = 0; i < tokens; i++) grossFloat += Math.abs(values[i] as number);
  const grossUsd = input.valuesUsd.reduce((sum: UsdValue, value) => sum.plus(value.abs()), new Usd(0));

  const historical = enoughPoints ? historicalVarFiguresOf(values, input.returns, points, workspace) : null;

  const { matrix, covariancePoints } = resolveCovariance(input, points, workspace);
  const usableCovariance = matrix !== null && covariancePoints > 0;
  const parametricStd = usableCovariance ? portfolioStdDev(values, matrix, tokens) : null;
  const monteCarlo =
    usableCovariance && input.monteCarlo ? monteCarloVarFiguresOf(values, matrix, tokens, input.monteCarlo, workspace) : null;

  // Portfolio return series from the historical P&L already in workspace.pnl.
  let sharpe: number | null = null;
  let sortino: number | null = null;
  let drawdown: PortfolioRiskResult['drawdown'] = null;
  const periodsPerYear = input.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  if (historical !== null && grossFloat > 0) {
    const portfolioReturns = workspace.portfolioReturns;
    const equity = workspace.equity;
    equity[0] = 1;
    for (let t = 0; t < points; t++) {
      const r = (workspace.pnl[t] as number) / grossFloat;
      portfolioReturns[t] = r;
      equity[t + 1] = (equity[t] as number) * (1 + r);
    }
    sharpe = sharpeRatioOf(portfolioReturns, points, (input.riskFreeRate ?? 0) / periodsPerYear, periodsPerYear);
    sortino = sortinoRatioOf(portfolioReturns, points, 0, periodsPerYear);
    if (input.equityCurve === undefined) {
      const details = drawdownOf(equity, points + 1);
      drawdown = { max: details.maxDrawdown, current: details.currentDrawdown, equityPoints: points + 1 };
    }
  }
  if (input.equityCurve !== undefined && input.equityCurve.length > 0) {
    const details = drawdownOf(input.equityCurve);
    drawdown = { max: details.maxDrawdown, current: details.currentDrawdown, equityPoints: input.equityCurve.length };
  }

  return {
    asOf: input.asOf,
    oldestPriceAt: input.oldestPriceAt,
    tokens,
    returnPoints: points,
    covariancePoints,
    grossUsd,
    concentration: concentration(input.valuesUsd),
    historical: historical === null ? null : toVarFiguresUsd(historical),
    parametric:
      parametricStd === null
        ? null
        : { ...toVarFiguresUsd(gaussianFiguresOf(parametricStd)), portfolioStdUsd: new Usd(parametricStd.toPrecision(15)) },
    monteCarlo:
      monteCarlo === null
        ? null
        : {
            ...toVarFiguresUsd(monteCarlo),
            paths: monteCarlo.paths,
            seed: input.monteCarlo?.seed ?? 0x5eed,
            choleskyJitter: monteCarlo.choleskyJitter,
          },
    drawdown,
    sharpe,
    sortino,
  };
}

function resolveCovariance(
  input: PortfolioRiskInput,
  points: number,
  workspace: RiskWorkspace,
): { matrix: Float64Array | null; covariancePoints: number } {
  const tokens = input.valuesUsd.length;
  const given = input.covariance;
  if (given instanceof EwmaCovariance) {
    if (given.dimension !== tokens) throw new Error(`covariance is ${given.dimension}-dimensional, ${tokens} tokens given`);
    return { matrix: given.covariance(), covariancePoints: given.count };
  }
  if (given !== undefined) {
    if (given.length !== tokens * tokens) throw new Error(`covariance must be ${tokens}×${tokens}, got ${given.length} entries`);
    return { matrix: given, covariancePoints: points };
  }
  if (tokens === 0 || points === 0) return { matrix: null, covariancePoints: 0 };
  const matrix = workspace.covariance.subarray(0, tokens * tokens);
  ewmaCovarianceOf(input.returns, points, input.lambda ?? RISKMETRICS_LAMBDA, matrix);
  return { matrix, covariancePoints: points };
}
