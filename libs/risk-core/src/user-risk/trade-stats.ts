import type { UsdAmount } from '../money/usd-amount';

/** A closed trade as the statistics need it. */
export interface ClosedTrade {
  readonly realizedPnlUsd: UsdAmount;
  readonly notionalUsd: UsdAmount | null;
}

export interface TradeStatsSnapshot {
  readonly window: number;
  readonly pnls: string[];
  readonly notionals: Array<string | null>;
  readonly consecutiveLosses: number;
  readonly maxConsecutiveLosses: number;
}

/**
 * Win rate, average trade size and losing streaks over the last `window` closed trades, O(1) per trade (a ring of
 * PnLs with running counts). A win is PnL > 0, a loss PnL < 0; a zero-PnL ("scratch") trade counts as closed but
 * neither wins nor loses, and leaves a losing streak as it was. A win resets the streak.
 */
export class TradeStats {
  private readonly pnls: UsdAmount[];
  private readonly notionals: Array<UsdAmount | null>;
  private next = 0;
  private count = 0;
  private wins = 0;
  private notionalSum: UsdAmount = 0n;
  private notionalCount = 0;
  private streak = 0;
  private maxStreak = 0;

  constructor(readonly window = 500) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError('window must be a positive integer');
    this.pnls = new Array<UsdAmount>(window).fill(0n);
    this.notionals = new Array<UsdAmount | null>(window).fill(null);
  }

  record(trade: ClosedTrade): void {
    if (this.count === this.window) this.forget(this.next);
    else this.count++;
    this.pnls[this.next] = trade.realizedPnlUsd;
    this.notionals[this.next] = trade.notionalUsd;
    if (trade.realizedPnlUsd > 0n) this.wins++;
    if (trade.notionalUsd !== null) {
      this.notionalSum += trade.notionalUsd;
      this.notionalCount++;
    }
    this.next = (this.next + 1) % this.window;

    if (trade.realizedPnlUsd > 0n) this.streak = 0;
    else if (trade.realizedPnlUsd < 0n) this.streak++;
    if (this.streak > this.maxStreak) this.maxStreak = this.streak;
  }

  /** Closed trades in the window (the sample size rules require). */
  get closedTrades(): number {
    return this.count;
  }

  /** Wins / closed trades in the window; null before the first closed trade. */
  get winRate(): number | null {
    return this.count === 0 ? null : this.wins / this.count;
  }

  /** Mean USD notional of the window's priced closed trades; null when none was priced. */
  get averageTradeSizeUsd(): UsdAmount | null {
    return this.notionalCount === 0 ? null : this.notionalSum / BigInt(this.notionalCount);
  }

  get consecutiveLosses(): number {
    return this.streak;
  }

  get maxConsecutiveLosses(): number {
    return this.maxStreak;
  }

  snapshot(): TradeStatsSnapshot {
    const order = Array.from({ length: this.count }, (_, i) => (this.next - this.count + i + this.window) % this.window);
    return {
      window: this.window,
      pnls: order.map((i) => (this.pnls[i] as UsdAmount).toString()),
      notionals: order.map((i) => this.notionals[i]?.toString() ?? null),
      consecutiveLosses: this.streak,
      maxConsecutiveLosses: this.maxStreak,
    };
  }

  static restore(s: TradeStatsSnapshot): TradeStats {
    const stats = new TradeStats(s.window);
    s.pnls.forEach((pnl, i) => {
      const notional = s.notionals[i];
      stats.record({ realizedPnlUsd: BigInt(pnl), notionalUsd: notional == null ? null : BigInt(notional) });
    });
    stats.streak = s.consecutiveLosses;
    stats.maxStreak = s.maxConsecutiveLosses;
    return stats;
  }

  private forget(slot: number): void {
    const pnl = this.pnls[slot] as UsdAmount;
    const notional = this.notionals[slot] ?? null;
    if (pnl > 0n) this.wins--;
    if (notional !== null) {
      this.notionalSum -= notional;
      this.notionalCount--;
    }
  }
}
