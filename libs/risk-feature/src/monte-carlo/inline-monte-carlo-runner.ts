import { RiskWorkspace, type VarFiguresFloat } from '@hyperdex/risk-core';
import type { MonteCarloJob, MonteCarloRunner } from './monte-carlo-runner';
import { runMonteCarloJob } from './run-monte-carlo-job';

/**
 * Runs each job on this thread, but only from a setImmediate callback: the consumer's chunk finishes (publish, save)
 * before any simulation starts. For tests and RISK_MONTE_CARLO_WORKERS=0; it still costs event-loop time.
 */
export class InlineMonteCarloRunner implements MonteCarloRunner {
  private readonly workspace = new RiskWorkspace();
  private closed = false;

  run(job: MonteCarloJob): Promise<VarFiguresFloat> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        if (this.closed) return reject(new Error('Monte Carlo runner closed'));
        try {
          resolve(runMonteCarloJob(job, this.workspace));
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
