import type { UsdAmount } from '../money/usd-amount';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const toNumber = (usd: UsdAmount): number => Number(usd) / 1e18;

export interface EquityIndexOptions {
  /** Width of one return period (bar), ms. */
  readonly barMs: number;
  /** Bar returns kept for Sharpe/Sortino. */
  readonly window: number;
  /** Annual risk-free rate, e.g. 0.04; per bar it is rate × barMs / year. */
  readonly riskFreeRate: number;
}

export interface EquityIndexSnapshot {
  readonly options: EquityIndexOptions;
  readonly bar: number | null;
  readonly barOpenPnl: string;
  readonly barOpenCapital: string;
  /**
   * PnL of the latest update inside the open bar: the next bar closes at it. Absent from snapshots saved before it
   * was kept, which restore as if the bar had not moved since it opened.
   */
  readonly lastPnl?: string;
  readonly index: number;
  readonly peak: number;
  readonly maxDrawdown: number;
  readonly points: number;
  readonly returns: number[];
}

/**
 * A time-weighted performance index of one user's book, so deposits and withdrawals are not mistaken for returns.
 * Each bar's return is the change in total PnL (realized + unrealized) over the capital at risk (gross exposure) at
 * the bar's start; the index compounds them. Drawdown is the fall of the index from its running peak, in [0, 1].
 *
 * O(1) per update: bar returns sit in a ring with running sums (Σr, Σr², Σ min(r − rf, 0)²), re-summed once per
 * window to cancel floating-point drift. Sharpe = mean excess / sample std (n − 1) × √(bars per year); Sortino uses
 * the downside deviation √(Σ min(r − rf, 0)² / n), both as empyrical defines them.
 */
export class EquityIndex {
  private readonly returns: Float64Array;
  private next = 0;
  private count = 0;
  private pushesSinceResum = 0;
  private sum = 0;
  private sumSquares = 0;
  private downsideSquares = 0;
  private bar: number | null = null;
  private barOpenPnl: UsdAmount = 0n;
  private barOpenCapital: UsdAmount = 0n;
  private lastPnl: UsdAmount = 0n;
  private index = 1;
  private peak = 1;
  private maxDd = 0;
  private closedBars = 0;

  constructor(readonly options: EquityIndexOptions = { barMs: 60_000, window: 500, riskFreeRate: 0 }) {
    if (!(options.barMs > 0) || !Number.isInteger(options.window) || options.window < 2) {
      throw new RangeError('barMs must be positive and window an integer ≥ 2');
    }
    this.returns = new Float64Array(options.window);
  }

  /** Feeds the user's state at `asOf`; closes the previous bar when a new one starts. */
  update(asOf: number, pnlUsd: UsdAmount, capitalUsd: UsdAmount): void {
    const bar = Math.floor(asOf / this.options.barMs);
    if (this.bar === null) {
      this.openBar(bar, pnlUsd, capitalUsd);
    } else if (bar > this.bar) {
      this.closeBar(this.lastPnl);
      this.openBar(bar, this.lastPnl, capitalUsd);
    }
    this.lastPnl = pnlUsd;
  }

  /** Equity-curve points (closed bars) behind the figures. */
  get points(): number {
    return this.closedBars;
  }

  /** Fall of the live index from its peak, in [0, 1]; null before any capital was at risk. */
  get currentDrawdown(): number | null {
    if (this.bar === null || this.barOpenCapital <= 0n && this.closedBars === 0) return null;
    const live = this.liveIndex();
    return Math.max(0, 1 - live / Math.max(this.peak, live));
  }

  get maxDrawdown(): number | null {
    const current = this.currentDrawdown;
    return current === null ? null : Math.max(this.maxDd, current);
  }

  get sharpe(): number | null {
    if (this.count < 2) return null;
    const rf = this.perBarRiskFree();
    const mean = this.sum / this.count;
    const variance = (this.sumSquares - this.count * mean * mean) / (this.count - 1);
    if (!(variance > 1e-30)) return null;
    return ((mean - rf) / Math.sqrt(variance)) * Math.sqrt(YEAR_MS / this.options.barMs);
  }

  get sortino(): number | null {
    if (this.count < 2) return null;
    const downside = Math.sqrt(this.downsideSquares / this.count);
    if (!(downside > 1e-15)) return null;
    return ((this.sum / this.count - this.perBarRiskFree()) / downside) * Math.sqrt(YEAR_MS / this.options.barMs);
  }

  /** Largest fall of the index within the last `bars` closed bars and the open one, in [0, 1]; O(bars). */
  maxDrawdownOverLast(bars: number): number | null {
    const current = this.currentDrawdown;
    if (current === null) return null;
    const returns = this.barReturns();
    let level = 1;
    let peak = 1;
    let worst = 0;
    for (const r of returns.slice(Math.max(0, returns.length - bars))) {
      level *= 1 + r;
      if (level > peak) peak = level;
      worst = Math.max(worst, 1 - level / peak);
    }
    const live = level * (this.liveIndex() / this.index);
    return Math.max(worst, 1 - live / Math.max(peak, live));
  }

  /** The window's bar returns, oldest first (for checks against the functional API). */
  barReturns(): number[] {
    return Array.from({ length: this.count }, (_, i) => this.returns[(this.next - this.count + i + this.options.window) % this.options.window] as number);
  }

  snapshot(): EquityIndexSnapshot {
    return {
      options: this.options,
      bar: this.bar,
      barOpenPnl: this.barOpenPnl.toString(),
      barOpenCapital: this.barOpenCapital.toString(),
      lastPnl: this.lastPnl.toString(),
      index: this.index,
      peak: this.peak,
      maxDrawdown: this.maxDd,
      points: this.closedBars,
      returns: this.barReturns(),
    };
  }

  static restore(s: EquityIndexSnapshot): EquityIndex {
    const e = new EquityIndex(s.options);
    for (const r of s.returns) e.pushReturn(r);
    e.bar = s.bar;
    e.barOpenPnl = BigInt(s.barOpenPnl);
    e.lastPnl = s.lastPnl === undefined ? e.barOpenPnl : BigInt(s.lastPnl);
    e.barOpenCapital = BigInt(s.barOpenCapital);
    e.index = s.index;
    e.peak = s.peak;
    e.maxDd = s.maxDrawdown;
    e.closedBars = s.points;
    return e;
  }

  private liveIndex(): number {
    if (this.barOpenCapital <= 0n) return this.index;
    return this.index * (1 + toNumber(this.lastPnl - this.barOpenPnl) / toNumber(this.barOpenCapital));
  }

  private openBar(bar: number, pnl: UsdAmount, capital: UsdAmount): void {
    this.bar = bar;
    this.barOpenPnl = pnl;
    this.barOpenCapital = capital;
  }

  private closeBar(closePnl: UsdAmount): void {
    // A bar with no capital at risk has no return (nothing was invested); it is not a point of the curve.
    if (this.barOpenCapital <= 0n) return;
    const r = toNumber(closePnl - this.barOpenPnl) / toNumber(this.barOpenCapital);
    this.index *= 1 + r;
    if (this.index > this.peak) this.peak = this.index;
    this.maxDd = Math.max(this.maxDd, 1 - this.index / this.peak);
    this.closedBars++;
    this.pushReturn(r);
  }

  private pushReturn(r: number): void {
    const w = this.options.window;
    if (this.count === w) {
      const old = this.returns[this.next] as number;
      this.sum -= old;
      this.sumSquares -= old * old;
      this.downsideSquares -= this.downside(old);
    } else this.count++;
    this.returns[this.next] = r;
    this.next = (this.next + 1) % w;
    this.sum += r;
    this.sumSquares += r * r;
    this.downsideSquares += this.downside(r);
    if (++this.pushesSinceResum >= w) this.resum();
  }

  private downside(r: number): number {
    const d = Math.min(r - this.perBarRiskFree(), 0);
    return d * d;
  }

  private perBarRiskFree(): number {
    return (this.options.riskFreeRate * this.options.barMs) / YEAR_MS;
  }

  private resum(): void {
    this.pushesSinceResum = 0;
    this.sum = 0;
    this.sumSquares = 0;
    this.downsideSquares = 0;
    for (const r of this.barReturns()) {
      this.sum += r;
      this.sumSquares += r * r;
      this.downsideSquares += this.downside(r);
    }
  }
}
