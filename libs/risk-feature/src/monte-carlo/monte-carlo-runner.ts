import type { MonteCarloBook, VarFiguresFloat } from '@hyperdex/risk-core';

/** One Monte Carlo run: a detached book (plain typed arrays, so it can cross to a worker thread) and its settings. */
export interface MonteCarloJob {
  readonly book: MonteCarloBook;
  readonly paths: number;
  readonly seed: number;
}

/**
 * Runs Monte Carlo VaR off the consumer's path. Adapters: worker threads (production) and inline via setImmediate
 * (tests, or a machine with no spare core). `run` never computes on the caller's stack; it rejects when the run
 * failed or the runner was closed.
 */
export interface MonteCarloRunner {
  run(job: MonteCarloJob): Promise<VarFiguresFloat>;
  /** Stops the runner; queued and running jobs reject. */
  close(): Promise<void>;
}
