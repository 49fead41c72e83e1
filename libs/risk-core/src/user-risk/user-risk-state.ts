import type { UsdAmount } from '../money/usd-amount';
import { DailyPnl, type DailyPnlSnapshot } from './daily-pnl';
import { EquityIndex, type EquityIndexOptions, type EquityIndexSnapshot } from './equity-index';
import { TradeStats, type ClosedTrade, type TradeStatsSnapshot } from './trade-stats';

/**
 * One exposure update as the per-user state consumes it. An update may cover several ledger events (the positions
 * service folds a user's events under load), so it can close several trades.
 */
export interface UserRiskObservation {
  readonly asOf: number;
  /** Realized + unrealized PnL of the whole book. */
  readonly pnlUsd: UsdAmount;
  /** Gross exposure: the capital at risk that returns are measured against. */
  readonly grossUsd: UsdAmount;
  /** Present when the update was caused by a trade that closed (part of) a position with a known PnL. */
  readonly closedTrade?: ClosedTrade;
  /**
   * Every trade the update closed with a known PnL, in the order they were applied. Recorded after `closedTrade`
   * when both are given (`closedTrade` is the single-trade form older callers use).
   */
  readonly closedTrades?: readonly ClosedTrade[];
}

export interface UserRiskStateSnapshot {
  readonly trades: TradeStatsSnapshot;
  readonly equity: EquityIndexSnapshot;
  readonly daily: DailyPnlSnapshot;
}

/** Everything the risk service remembers about one user between events; O(1) per event, bounded memory. */
export class UserRiskState {
  constructor(
    readonly trades: TradeStats,
    readonly equity: EquityIndex,
    readonly daily: DailyPnl,
  ) {}

  static create(options: { tradeWindow: number } & EquityIndexOptions): UserRiskState {
    return new UserRiskState(new TradeStats(options.tradeWindow), new EquityIndex(options), new DailyPnl());
  }

  observe(o: UserRiskObservation): void {
    if (o.closedTrade) this.trades.record(o.closedTrade);
    for (const trade of o.closedTrades ?? []) this.trades.record(trade);
    this.equity.update(o.asOf, o.pnlUsd, o.grossUsd);
    this.daily.update(o.asOf, o.pnlUsd);
  }

  snapshot(): UserRiskStateSnapshot {
    return { trades: this.trades.snapshot(), equity: this.equity.snapshot(), daily: this.daily.snapshot() };
  }

  static restore(s: UserRiskStateSnapshot): UserRiskState {
    return new UserRiskState(TradeStats.restore(s.trades), EquityIndex.restore(s.equity), DailyPnl.restore(s.daily));
  }
}
