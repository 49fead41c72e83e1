import type { Usd } from '../money/usd';
import { cholesky } from './cholesky';
import { EwmaCovariance } from './ewma-covariance';
import { RiskWorkspace } from './risk-workspace';
import { SeededNormalGenerator } from './seeded-normal-generator';
import { sortedCopyInto } from './sorted-quantile';
import { tailFiguresOfSorted } from './tail-figures';
import { toVarFiguresUsd, usdValuesToFloat, type PortfolioVarInputs, type VarFiguresFloat, type VarFiguresUsd } from './var-figures';

export const DEFAULT_MONTE_CARLO_PATHS = 10_000;
export const DEFAULT_MONTE_CARLO_SEED = 0x5eed;

export interface MonteCarloOptions {
  /** Simulated one-period scenarios; default 10,000. */
  paths?: number;
  /** PRNG seed (integer); same seed, inputs and paths ⇒ bit-identical figures. Default 0x5eed. */
  seed?: number;
  /**
   * How a simulated normal vector x ~ N(0, Σ) re-prices the book. 'simple' (default): x are simple returns and
   * P&L = Σ v_i x_i, the model behind the parametric figure (so the two converge). 'log': x are log returns and
   * P&L = Σ v_i (e^{x_i} − 1), which keeps a long position's loss under 100% in fat moves.
   */
  returnModel?: 'simple' | 'log';
}

export interface MonteCarloFiguresFloat extends VarFiguresFloat {
  /** Diagonal load the Cholesky factorisation needed (0 for a well-conditioned Σ). */
  choleskyJitter: number;
  paths: number;
}

/**
 * Monte Carlo VaR/ES core in USD floats. Correlated normals come from the Cholesky factor L of Σ (x = Lε, ε iid
 * N(0, 1) from a seeded xoshiro128** + Box–Muller stream). In the 'simple' model P&L = vᵀLε = (Lᵀv)ᵀε, so the
 * loadings Lᵀv are formed once and each path costs O(N); the 'log' model needs x itself, O(N²) per path. Every buffer
 * comes from the workspace: no per-path allocation.
 */
export function monteCarloVarFiguresOf(
  values: Float64Array,
  covariance: Float64Array,
  tokens: number,
  options: MonteCarloOptions,
  workspace: RiskWorkspace,
): MonteCarloFiguresFloat {
  const paths = options.paths ?? DEFAULT_MONTE_CARLO_PATHS;
  if (!(Number.isInteger(paths) && paths > 0)) throw new Error(`paths must be a positive integer, got ${paths}`);
  workspace.ensure(tokens, 0, paths);
  const { lower, jitter } = cholesky(covariance, tokens, workspace.lower);
  const generator = new SeededNormalGenerator(options.seed ?? DEFAULT_MONTE_CARLO_SEED);
  const pnl = workspace.paths;
  if ((options.returnModel ?? 'simple') === 'simple') {
    const loadings = workspace.loadings;
    for (let j = 0; j < tokens; j++) {
      let sum = 0;
      for (let i = j; i < tokens; i++) sum += (lower[i * tokens + j] as number) * (values[i] as number);
      loadings[j] = sum;
    }
    for (let p = 0; p < paths; p++) {
      let total = 0;
      for (let j = 0; j < tokens; j++) total += (loadings[j] as number) * generator.nextNormal();
      pnl[p] = total;
    }
  } else {
    const normals = workspace.normals;
    for (let p = 0; p < paths; p++) {
      for (let j = 0; j < tokens; j++) normals[j] = generator.nextNormal();
      let total = 0;
      for (let i = 0; i < tokens; i++) {
        const row = i * tokens;
        let x = 0;
        for (let j = 0; j <= i; j++) x += (lower[row + j] as number) * (normals[j] as number);
        total += (values[i] as number) * Math.expm1(x);
      }
      pnl[p] = total;
    }
  }
  const sorted = sortedCopyInto(pnl, paths, workspace.sorted);
  return { ...tailFiguresOfSorted(sorted, paths), choleskyJitter: jitter, paths };
}

export interface MonteCarloPortfolioVarResult extends VarFiguresUsd {
  paths: number;
  seed: number;
  choleskyJitter: number;
  inputs: PortfolioVarInputs;
}

/**
 * Monte Carlo portfolio VaR and ES at 95% and 99% in USD (positive = loss) from a per-period covariance Σ (an
 * `EwmaCovariance` or row-major N×N matrix): `paths` seeded draws of x ~ N(0, Σ), the book re-priced on each, then the
 * same quantile and tail-mean rules as historical simulation. Null when an EWMA estimator has seen no returns yet.
 */
export function monteCarloPortfolioVaR(
  valuesUsd: readonly Usd[],
  covariance: EwmaCovariance | Float64Array,
  meta: { asOf: number; oldestPriceAt: number | null; returnPoints?: number },
  options: MonteCarloOptions = {},
  workspace = new RiskWorkspace(),
): MonteCarloPortfolioVarResult | null {
  const tokens = valuesUsd.length;
  const matrix = covariance instanceof EwmaCovariance ? covariance.covariance() : covariance;
  if (matrix.length !== tokens * tokens) throw new Error(`covariance must be ${tokens}×${tokens}, got ${matrix.length} entries`);
  const observations = covariance instanceof EwmaCovariance ? covariance.count : (meta.returnPoints ?? 0);
  if (covariance instanceof EwmaCovariance && observations === 0) return null;
  workspace.ensure(tokens, 0);
  const figures = monteCarloVarFiguresOf(usdValuesToFloat(valuesUsd, workspace.values), matrix, tokens, options, workspace);
  return {
    ...toVarFiguresUsd(figures),
    paths: figures.paths,
    seed: options.seed ?? DEFAULT_MONTE_CARLO_SEED,
    choleskyJitter: figures.choleskyJitter,
    inputs: { asOf: meta.asOf, oldestPriceAt: meta.oldestPriceAt, returnPoints: observations, tokens },
  };
}
