import { historicalExpectedShortfallOfSorted } from './expected-shortfall';
import { historicalVaROfSorted } from './historical-var';
import { CONFIDENCE_95, CONFIDENCE_99, type VarFiguresFloat } from './var-figures';

/**
 * VaR and ES at 95% and 99% of an ascending-sorted P&L sample (USD, gain positive), with the same quantile rule as
 * `historicalVaR` and the same tail mean as `expectedShortfall`; the figures come out as positive losses.
 */
export const tailFiguresOfSorted = (sortedPnl: Float64Array, length: number): VarFiguresFloat => ({
  var95: historicalVaROfSorted(sortedPnl, length, CONFIDENCE_95),
  var99: historicalVaROfSorted(sortedPnl, length, CONFIDENCE_99),
  es95: historicalExpectedShortfallOfSorted(sortedPnl, length, CONFIDENCE_95),
  es99: historicalExpectedShortfallOfSorted(sortedPnl, length, CONFIDENCE_99),
});
