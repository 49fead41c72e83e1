/**
 * Scratch buffers for the portfolio risk functions, grown on demand and reused across calls so the hot path
 * allocates nothing large. Not safe to share between concurrent computations (none exist in a single JS thread, but
 * results that alias workspace buffers must be copied before the next call).
 */
export class RiskWorkspace {
  values = new Float64Array(0);
  pnl = new Float64Array(0);
  sorted = new Float64Array(0);
  portfolioReturns = new Float64Array(0);
  equity = new Float64Array(0);
  covariance = new Float64Array(0);
  lower = new Float64Array(0);
  loadings = new Float64Array(0);
  normals = new Float64Array(0);
  paths = new Float64Array(0);

  /** Makes every buffer large enough for `tokens` tokens, `points` return points and `paths` Monte Carlo paths. */
  ensure(tokens: number, points: number, paths = 0): this {
    if (this.values.length < tokens) {
      this.values = new Float64Array(tokens);
      this.loadings = new Float64Array(tokens);
      this.normals = new Float64Array(tokens);
    }
    if (this.covariance.length < tokens * tokens) {
      this.covariance = new Float64Array(tokens * tokens);
      this.lower = new Float64Array(tokens * tokens);
    }
    if (this.pnl.length < points) {
      this.pnl = new Float64Array(points);
      this.portfolioReturns = new Float64Array(points);
      this.equity = new Float64Array(points + 1);
    }
    if (this.sorted.length < Math.max(points, paths)) this.sorted = new Float64Array(Math.max(points, paths));
    if (this.paths.length < paths) this.paths = new Float64Array(paths);
    return this;
  }
}
