import { monteCarloVarFiguresOf, type RiskWorkspace, type VarFiguresFloat } from '@hyperdex/risk-core';
import type { MonteCarloJob } from './monte-carlo-runner';

/** The computation every adapter runs; only the four figures travel back (the paths stay in the workspace). */
export function runMonteCarloJob(job: MonteCarloJob, workspace: RiskWorkspace): VarFiguresFloat {
  const { book, paths, seed } = job;
  const figures = monteCarloVarFiguresOf(book.values, book.covariance, book.tokens, { paths, seed }, workspace);
  return { var95: figures.var95, var99: figures.var99, es95: figures.es95, es99: figures.es99 };
}
