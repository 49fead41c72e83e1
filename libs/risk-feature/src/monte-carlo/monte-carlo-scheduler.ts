import type { VarFiguresFloat } from '@hyperdex/risk-core';
import type { MonteCarloJob, MonteCarloRunner } from './monte-carlo-runner';

/**
 * Bounds the Monte Carlo work waiting on the runner. When `capacity` runs are queued or running, a new request is
 * refused (the caller counts it as skipped and keeps the user's older figures): under a burst the pool falls behind
 * by at most `capacity` runs instead of growing a backlog the consumer would never catch up with.
 */
export class MonteCarloScheduler {
  private outstanding = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly runner: MonteCarloRunner,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  /** Runs queued or running now. */
  get depth(): number {
    return this.outstanding;
  }

  /**
   * Starts a run, or returns false when the queue is full (nothing was started). `settle` gets the figures or the
   * error before the run stops counting as outstanding, so `idle()` resolves only after every result was applied.
   */
  submit(job: MonteCarloJob, settle: (outcome: { figures: VarFiguresFloat } | { error: Error }) => void): boolean {
    if (this.outstanding >= this.capacity) return false;
    this.outstanding++;
    void this.runner
      .run(job)
      .then(
        (figures) => settle({ figures }),
        (error: unknown) => settle({ error: error instanceof Error ? error : new Error(String(error)) }),
      )
      .finally(() => {
        this.outstanding--;
        if (this.outstanding === 0) for (const wake of this.waiters.splice(0)) wake();
      });
    return true;
  }

  /** Resolves once nothing is queued or running (tests wait on it instead of on time). */
  idle(): Promise<void> {
    return this.outstanding === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
