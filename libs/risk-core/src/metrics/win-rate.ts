import { toFloat64Series, type NumericSeries } from './numeric-series';

/**
 * Share of closed trades with PnL > 0, in [0, 1]. A break-even trade (PnL exactly 0) counts as a closed trade that is
 * not a win, as pyfolio's round-trip "Percent profitable" (winners / all round trips). Null with no closed trades.
 * PnL may be any unit (USD decimal strings included): only signs matter.
 */
export function winRate(pnls: NumericSeries): number | null {
  const series = toFloat64Series(pnls, 'pnls');
  if (series.length === 0) return null;
  let wins = 0;
  for (const pnl of series) if (pnl > 0) wins++;
  return wins / series.length;
}
