import type { VarFiguresFloat } from '@hyperdex/risk-core';
import type { MonteCarloJob } from './monte-carlo-runner';

/** What the pool posts to a worker thread. */
export interface MonteCarloRequest {
  readonly id: number;
  readonly job: MonteCarloJob;
}

/** What a worker thread posts back: the figures, or why the run failed. */
export type MonteCarloReply = { readonly id: number; readonly figures: VarFiguresFloat } | { readonly id: number; readonly error: string };
