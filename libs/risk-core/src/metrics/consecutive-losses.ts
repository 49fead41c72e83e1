import { toFloat64Series, type NumericSeries } from './numeric-series';

export interface LossStreaks {
  /** Losing trades in a row at the end of the series (oldest first): what a "N losses in a row" rule watches. */
  current: number;
  /** Longest losing run anywhere in the series. */
  max: number;
}

/**
 * Losing streaks over closed-trade PnL, oldest first. A loss is PnL < 0 and extends the streak; a win (PnL > 0) resets
 * it; a break-even trade (PnL = 0) neither extends nor resets it, so scratching a trade cannot hide a losing run from
 * a risk limit.
 */
export function consecutiveLosses(pnls: NumericSeries): LossStreaks {
  let current = 0;
  let max = 0;
  for (const pnl of toFloat64Series(pnls, 'pnls')) {
    if (pnl < 0) {
      current++;
      if (current > max) max = current;
    } else if (pnl > 0) {
      current = 0;
    }
  }
  return { current, max };
}
