import type { Usd } from '../money/usd';
import { PRICE_DECIMALS, type UsdPrice } from '../money/usd-amount';
import { Float64RingBuffer } from './ring-buffer';

export interface PriceHistoryOptions {
  /** Bar length in ms; bar b covers [b·barIntervalMs, (b + 1)·barIntervalMs). */
  barIntervalMs: number;
  /** Closed bars kept (the oldest is evicted past this); returns available = kept bars − 1. */
  capacity: number;
  /**
   * Most bars a silent token's last price may be carried over (default: a tenth of `capacity`). Past that its history
   * is dropped and restarts at the next tick: a long run of carried closes is a run of invented zero returns, and
   * VaR over them would read as no risk (a receipt from 2021 followed by today's ticks, a feed down for a day).
   */
  maxCarriedBars?: number;
}

/** A price as the domain holds it: Decimal, decimal text, or 36-decimal fixed point (`UsdPrice`). */
export type PriceInput = Usd | string | UsdPrice;

const PRICE_SCALE = 10 ** PRICE_DECIMALS;

/**
 * Turns one token's irregular price ticks into fixed-interval bar closes and simple returns. A bar's close is the last
 * tick inside it; a bar with no tick carries the previous close (a zero return), so every token has a value for every
 * bar index and histories of different tokens align by bar index — up to `maxCarriedBars`, past which the history
 * restarts rather than invent flat returns. Ticks older than the open bar are ignored (counted in `lateTicks`). Prices enter as money and become float64 here: only their ratios (returns) leave.
 */
export class PriceHistory {
  readonly barIntervalMs: number;
  private readonly closes: Float64RingBuffer;
  /** Bar index of the newest closed bar; closes hold bars (lastClosedBar − closes.length, lastClosedBar]. */
  private lastClosedBar = 0;
  private openBar: number | null = null;
  private openClose = 0;
  private lastTick: number | null = null;
  private late = 0;
  private restartCount = 0;
  private readonly maxCarriedBars: number;

  constructor(options: PriceHistoryOptions) {
    if (!(Number.isInteger(options.barIntervalMs) && options.barIntervalMs > 0)) {
      throw new Error(`barIntervalMs must be a positive integer, got ${options.barIntervalMs}`);
    }
    this.barIntervalMs = options.barIntervalMs;
    this.closes = new Float64RingBuffer(options.capacity);
    this.maxCarriedBars = options.maxCarriedBars ?? Math.max(1, Math.floor(options.capacity / 10));
    if (!(Number.isInteger(this.maxCarriedBars) && this.maxCarriedBars >= 1)) {
      throw new Error(`maxCarriedBars must be a positive integer, got ${this.maxCarriedBars}`);
    }
  }

  barIndexAt(timestampMs: number): number {
    return Math.floor(timestampMs / this.barIntervalMs);
  }

  /** Timestamp of the newest tick recorded; null before the first. */
  get lastTickAt(): number | null {
    return this.lastTick;
  }

  /** Index of the newest closed bar; null before any bar has closed. */
  get lastClosedBarIndex(): number | null {
    return this.closes.length === 0 ? null : this.lastClosedBar;
  }

  get closedBars(): number {
    return this.closes.length;
  }

  get lateTicks(): number {
    return this.late;
  }

  /** How many times a gap longer than `maxCarriedBars` dropped the history. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Records one tick; returns how many bars it closed (0 within the open bar or for a late tick). */
  record(timestampMs: number, price: PriceInput): number {
    if (!Number.isFinite(timestampMs)) throw new Error(`timestampMs is not finite: ${timestampMs}`);
    const value = toPositiveFloat(price);
    const bar = this.barIndexAt(timestampMs);
    if (this.openBar === null) {
      this.openBar = bar;
      this.openClose = value;
      this.lastTick = timestampMs;
      return 0;
    }
    if (bar < this.openBar) {
      this.late++;
      return 0;
    }
    if (this.carriedBarsBefore(bar) > this.maxCarriedBars) {
      this.restart(bar, value, timestampMs);
      return 0;
    }
    const closed = bar > this.openBar ? this.closeThrough(bar - 1) : 0;
    this.openClose = value;
    if (this.lastTick === null || timestampMs > this.lastTick) this.lastTick = timestampMs;
    return closed;
  }

  /**
   * Closes every bar up to and including `barIndex` (the clock moved on without ticks), carrying the last price
   * forward; returns how many bars closed. The next bar opens at the carried price until a tick arrives.
   */
  closeThrough(barIndex: number): number {
    if (this.openBar === null || barIndex < this.openBar) return 0;
    const closing = barIndex - this.openBar + 1;
    if (this.carriedBarsBefore(barIndex + 1) > this.maxCarriedBars) {
      // Silent too long: no history until a fresh tick restarts it (record() sees the same gap).
      if (this.closes.length > 0) this.restartCount++;
      this.closes.clear();
      return 0;
    }
    // A gap longer than the buffer only needs the buffer's worth of carried closes.
    const pushes = Math.min(closing, this.closes.capacity);
    for (let i = 0; i < pushes; i++) this.closes.push(this.openClose);
    this.lastClosedBar = barIndex;
    this.openBar = barIndex + 1;
    return closing;
  }

  /** Bars without a tick between the last tick's bar and `bar`. */
  private carriedBarsBefore(bar: number): number {
    return this.lastTick === null ? 0 : bar - this.barIndexAt(this.lastTick) - 1;
  }

  private restart(bar: number, value: number, timestampMs: number): void {
    if (this.closes.length > 0) this.restartCount++;
    this.closes.clear();
    this.openBar = bar;
    this.openClose = value;
    this.lastTick = timestampMs;
  }

  /**
   * Writes the simple returns close_b / close_{b−1} − 1 of the closed bars ending at `throughBarIndex` into the TAIL of
   * `out` (newest at out[out.length − 1]), at most `maxPoints` of them, and returns how many were written. Bars after
   * the newest closed bar are not known yet and are an Error (call `closeThrough` first).
   */
  returnsInto(out: Float64Array, throughBarIndex: number, maxPoints = out.length): number {
    const available = this.returnsAvailableThrough(throughBarIndex);
    const points = Math.min(available, maxPoints, out.length);
    if (points <= 0) return 0;
    const skipNewest = this.lastClosedBar - throughBarIndex;
    const firstClose = this.closes.length - skipNewest - points - 1;
    let previous = this.closes.at(firstClose);
    const base = out.length - points;
    for (let k = 0; k < points; k++) {
      const close = this.closes.at(firstClose + 1 + k);
      out[base + k] = close / previous - 1;
      previous = close;
    }
    return points;
  }

  /** Returns this history can supply ending at `throughBarIndex`. */
  returnsAvailableThrough(throughBarIndex: number): number {
    if (this.closes.length === 0 || throughBarIndex > this.lastClosedBar) {
      throw new Error(`bar ${throughBarIndex} is not closed yet (newest closed bar is ${this.lastClosedBarIndex ?? 'none'})`);
    }
    const closesThrough = this.closes.length - (this.lastClosedBar - throughBarIndex);
    return Math.max(closesThrough - 1, 0);
  }
}

function toPositiveFloat(price: PriceInput): number {
  let value: number;
  if (typeof price === 'bigint') value = Number(price) / PRICE_SCALE;
  else if (typeof price === 'string') value = Number(price);
  else value = price.toNumber();
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`price must be a positive finite number, got ${String(price)}`);
  return value;
}

/**
 * Aligns several tokens' returns on the same bars: fills the tail of `columns[i]` from `histories[i]` with the returns of
 * the bars ending at `throughBarIndex`, as many as every history can supply (at most `maxPoints`), and returns that
 * common count. Column i then holds token i's return for the same bar at the same position.
 */
export function alignReturns(
  histories: readonly PriceHistory[],
  throughBarIndex: number,
  columns: readonly Float64Array[],
  maxPoints: number,
): number {
  if (columns.length !== histories.length) throw new Error(`columns must have ${histories.length} entries, got ${columns.length}`);
  let points = maxPoints;
  histories.forEach((history, i) => {
    points = Math.min(points, history.returnsAvailableThrough(throughBarIndex), (columns[i] as Float64Array).length);
  });
  histories.forEach((history, i) => history.returnsInto(columns[i] as Float64Array, throughBarIndex, points));
  return points;
}
