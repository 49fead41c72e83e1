/** RiskMetrics daily decay (J.P. Morgan/Reuters, RiskMetrics — Technical Document, 4th ed., 1996, §5.3). */
export const RISKMETRICS_LAMBDA = 0.94;

export interface EwmaCovarianceOptions {
  /** Decay λ in (0, 1); default 0.94. */
  lambda?: number;
  /**
   * Prior covariance Σ₀ (row-major N×N) to start from, given full weight as in the textbook recursion. Without it the
   * recursion starts from zero and is bias-corrected (see class doc), so no arbitrary seed leaks into the estimate.
   */
  seed?: Float64Array;
}

/**
 * Incremental RiskMetrics EWMA covariance of zero-mean returns: Σ_t = λ Σ_{t−1} + (1 − λ) r_t r_tᵀ, O(N²) per update,
 * no history kept. RiskMetrics assumes a zero mean for daily returns, and so does this estimator.
 *
 * Seed: with `seed`, Σ₀ = seed and the recursion above runs as written. Without it, the raw sum starts at 0 and is
 * divided by the weight it has accumulated, 1 − λ^t, so after t updates
 * Σ_t = Σ_{s≤t} λ^{t−s} r_s r_sᵀ · (1 − λ)/(1 − λ^t): the finite-sample EWMA whose weights sum to one (after one
 * update it is r₁r₁ᵀ). The incremental and the batch (`ewmaCovarianceOf`) figures are the same number.
 *
 * Only the lower triangle is updated; `covariance()` mirrors it.
 */
export class EwmaCovariance {
  readonly lambda: number;
  private readonly raw: Float64Array;
  private readonly normalised: Float64Array;
  private weight: number;
  private updates = 0;
  private dirty = true;

  constructor(readonly dimension: number, options: EwmaCovarianceOptions = {}) {
    if (!(Number.isInteger(dimension) && dimension > 0)) throw new Error(`dimension must be a positive integer, got ${dimension}`);
    const lambda = options.lambda ?? RISKMETRICS_LAMBDA;
    if (!(lambda > 0 && lambda < 1)) throw new Error(`lambda must be in (0, 1), got ${lambda}`);
    this.lambda = lambda;
    this.raw = new Float64Array(dimension * dimension);
    this.normalised = new Float64Array(dimension * dimension);
    if (options.seed !== undefined) {
      if (options.seed.length !== dimension * dimension) throw new Error(`seed must have ${dimension * dimension} entries, got ${options.seed.length}`);
      this.raw.set(options.seed);
      this.weight = 1;
    } else {
      this.weight = 0;
    }
  }

  /** Observations folded in so far. */
  get count(): number {
    return this.updates;
  }

  /** Folds in one return vector (length N, one entry per token, same order every time). O(N²). */
  update(returns: ArrayLike<number>): void {
    const n = this.dimension;
    if (returns.length !== n) throw new Error(`returns must have ${n} entries, got ${returns.length}`);
    const lambda = this.lambda;
    const gain = 1 - lambda;
    const raw = this.raw;
    for (let i = 0; i < n; i++) {
      const ri = returns[i] as number;
      if (!Number.isFinite(ri)) throw new Error(`returns[${i}] is not finite: ${ri}`);
      const row = i * n;
      const scaled = gain * ri;
      for (let j = 0; j <= i; j++) raw[row + j] = lambda * (raw[row + j] as number) + scaled * (returns[j] as number);
    }
    this.weight = lambda * this.weight + gain;
    this.updates++;
    this.dirty = true;
  }

  /**
   * The current estimate as a row-major N×N matrix (symmetric, full). The returned array is owned by this object and
   * overwritten by the next call after an update: copy it to keep it. All zeros before the first update when unseeded.
   */
  covariance(): Float64Array {
    if (!this.dirty) return this.normalised;
    const n = this.dimension;
    const scale = this.weight > 0 ? 1 / this.weight : 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const value = (this.raw[i * n + j] as number) * scale;
        this.normalised[i * n + j] = value;
        this.normalised[j * n + i] = value;
      }
    }
    this.dirty = false;
    return this.normalised;
  }

  reset(): void {
    this.raw.fill(0);
    this.weight = 0;
    this.updates = 0;
    this.dirty = true;
  }
}

/**
 * Batch EWMA covariance over aligned return columns (columns[i][t], newest last), identical to feeding the rows to an
 * unseeded `EwmaCovariance` oldest first. Writes row-major N×N into `out` (allocated when omitted).
 */
export function ewmaCovarianceOf(
  columns: readonly Float64Array[],
  points: number,
  lambda = RISKMETRICS_LAMBDA,
  out = new Float64Array(columns.length * columns.length),
): Float64Array {
  const n = columns.length;
  if (!(lambda > 0 && lambda < 1)) throw new Error(`lambda must be in (0, 1), got ${lambda}`);
  out.fill(0, 0, n * n);
  if (points === 0) return out;
  // Σ_{s} λ^{T−s}(1 − λ) r_s r_sᵀ / (1 − λ^T), accumulated newest first so each weight is one multiply.
  const offsets = columns.map((column) => column.length - points);
  let weight = (1 - lambda) / (1 - Math.pow(lambda, points));
  for (let t = points - 1; t >= 0; t--) {
    for (let i = 0; i < n; i++) {
      const ri = weight * ((columns[i] as Float64Array)[(offsets[i] as number) + t] as number);
      const row = i * n;
      for (let j = 0; j <= i; j++) out[row + j] = (out[row + j] as number) + ri * ((columns[j] as Float64Array)[(offsets[j] as number) + t] as number);
    }
    weight *= lambda;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) out[j * n + i] = out[i * n + j] as number;
  return out;
}
