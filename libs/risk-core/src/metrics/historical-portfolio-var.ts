import type { Usd } from '../money/usd';
import { RiskWorkspace } from './risk-workspace';
import { sortedCopyInto } from './sorted-quantile';
import { tailFiguresOfSorted } from './tail-figures';
import { toVarFiguresUsd, usdValuesToFloat, type PortfolioVarInputs, type VarFiguresFloat, type VarFiguresUsd } from './var-figures';

/**
 * Historical-simulation P&L core: today's USD values re-priced on each past return vector,
 * P&L_t = Σ_i v_i · r_{i,t}, over the last `points` entries of each column (newest last). Writes `pnl[0..points)`.
 * O(N·T), column by column so every read is sequential.
 */
export function historicalPnlInto(values: Float64Array, columns: readonly Float64Array[], points: number, pnl: Float64Array): Float64Array {
  pnl.fill(0, 0, points);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Float64Array;
    if (column.length < points) throw new Error(`returns[${i}] has ${column.length} points, ${points} needed`);
    const v = values[i] as number;
    if (v === 0) continue;
    const offset = column.length - points;
    for (let t = 0; t < points; t++) pnl[t] = (pnl[t] as number) + v * (column[offset + t] as number);
  }
  return pnl;
}

/** Historical VaR/ES core in USD floats; fills `workspace.pnl` as a side effect (callers reuse it). */
export function historicalVarFiguresOf(
  values: Float64Array,
  columns: readonly Float64Array[],
  points: number,
  workspace: RiskWorkspace,
): VarFiguresFloat {
  workspace.ensure(columns.length, points);
  historicalPnlInto(values, columns, points, workspace.pnl);
  const sorted = sortedCopyInto(workspace.pnl, points, workspace.sorted);
  return tailFiguresOfSorted(sorted, points);
}

export interface HistoricalPortfolioVarResult extends VarFiguresUsd {
  inputs: PortfolioVarInputs;
}

/**
 * Portfolio VaR and ES at 95% and 99% by historical simulation, in USD (positive = loss): P&L_t = Σ v_i r_{i,t}
 * over aligned per-token simple-return columns (newest last; the last `points` of each, default the shortest column),
 * then the numpy linear quantile and empyrical tail mean of that P&L sample. Null with no return points.
 */
export function historicalPortfolioVaR(
  valuesUsd: readonly Usd[],
  returns: readonly Float64Array[],
  meta: { asOf: number; oldestPriceAt: number | null; points?: number },
  workspace = new RiskWorkspace(),
): HistoricalPortfolioVarResult | null {
  if (returns.length !== valuesUsd.length) throw new Error(`returns must have one column per value (${valuesUsd.length}), got ${returns.length}`);
  if (returns.length === 0) return null;
  const points = meta.points ?? Math.min(...returns.map((column) => column.length));
  if (!(points > 0)) return null;
  workspace.ensure(valuesUsd.length, points);
  const values = usdValuesToFloat(valuesUsd, workspace.values);
  const figures = historicalVarFiguresOf(values, returns, points, workspace);
  return {
    ...toVarFiguresUsd(figures),
    inputs: { asOf: meta.asOf, oldestPriceAt: meta.oldestPriceAt, returnPoints: points, tokens: valuesUsd.length },
  };
}
