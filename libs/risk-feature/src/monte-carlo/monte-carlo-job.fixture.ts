import type { MonteCarloJob } from './monte-carlo-runner';

/** A two-token book (10,000 and 5,000 USD, 2% and 0.1% per-bar volatility, uncorrelated) for the runner specs. */
export const twoTokenJob = (paths = 10_000): MonteCarloJob => ({
  book: { tokens: 2, values: Float64Array.from([10_000, 5_000]), covariance: Float64Array.from([0.0004, 0, 0, 0.000001]) },
  paths,
  seed: 0x5eed,
});
