import { ewmaCovarianceOf } from '../metrics/ewma-covariance';
import { PriceHistory, alignReturns } from '../metrics/price-history';
import type { UsdPrice } from '../money/usd-amount';
import { tokenKey, type TokenKey } from '../tokens/token-key';

export interface MarketModelOptions {
  /** Width of one return period (bar), ms. */
  readonly barMs: number;
  /** Bar closes kept per token (returns available = closes − 1). */
  readonly historyPoints: number;
  /** EWMA decay of the covariance; RiskMetrics uses 0.94 for daily data. */
  readonly lambda: number;
  /** Token sets whose covariance is kept between bars (users with the same holdings share one). */
  readonly covarianceCacheSize?: number;
}

/** Aligned return history of a set of tokens, and their EWMA covariance, as of the last closed bar. */
export interface ReturnWindow {
  readonly columns: readonly Float64Array[];
  readonly points: number;
  /** Row-major per-bar covariance, tokens × tokens; null with fewer than 2 points. */
  readonly covariance: Float64Array | null;
  /** Per-token per-bar volatility (√ of the covariance diagonal), by token key. */
  readonly volatilities: ReadonlyMap<string, number>;
  readonly throughBar: number;
}

/**
 * The market as the risk engine sees it: every token's prices sampled into fixed bars (shared by all users), and
 * per token set the aligned returns and EWMA covariance. A price tick is O(1); a portfolio's window is computed once
 * per (token set, bar) — O(k²·T) for k tokens and T points — then served from cache until the next bar closes.
 */
export class MarketModel {
  private readonly histories = new Map<TokenKey, PriceHistory>();
  private readonly windows = new Map<string, ReturnWindow>();
  private newestTick = Number.NEGATIVE_INFINITY;

  constructor(readonly options: MarketModelOptions) {}

  observePrice(chainId: number, token: string, timestamp: number, price: UsdPrice): void {
    const key = tokenKey(chainId, token);
    let history = this.histories.get(key);
    if (!history) {
      history = new PriceHistory({ barIntervalMs: this.options.barMs, capacity: this.options.historyPoints });
      this.histories.set(key, history);
    }
    if (price > 0n) history.record(timestamp, price);
    if (timestamp > this.newestTick) this.newestTick = timestamp;
  }

  /** Returns of the given tokens through the last bar that closed on the market clock (the newest tick seen). */
  window(keys: readonly TokenKey[]): ReturnWindow {
    const throughBar = Math.floor(this.newestTick / this.options.barMs) - 1;
    const cacheKey = keys.join('|');
    const cached = this.windows.get(cacheKey);
    if (cached && cached.throughBar === throughBar) return cached;

    const histories = keys.map((key) => this.histories.get(key));
    const columns = keys.map(() => new Float64Array(this.options.historyPoints));
    let points = 0;
    if (Number.isFinite(throughBar) && keys.length > 0) {
      // The market clock may have moved past a quiet token: its last price carries forward into the missing bars.
      for (const h of histories) h?.closeThrough(throughBar);
      const ready = histories.every((h): h is PriceHistory => h !== undefined && (h.lastClosedBarIndex ?? -Infinity) >= throughBar);
      if (ready) points = alignReturns(histories, throughBar, columns, this.options.historyPoints);
    }
    let covariance: Float64Array | null = null;
    const volatilities = new Map<string, number>();
    if (points >= 2) {
      const matrix = new Float64Array(keys.length * keys.length);
      ewmaCovarianceOf(columns, points, this.options.lambda, matrix);
      keys.forEach((key, i) => volatilities.set(key, Math.sqrt(Math.max(0, matrix[i * keys.length + i] ?? 0))));
      covariance = matrix;
    }
    const window: ReturnWindow = { columns, points, covariance, volatilities, throughBar };
    this.windows.set(cacheKey, window);
    if (this.windows.size > (this.options.covarianceCacheSize ?? 10_000)) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    return window;
  }

  get tokens(): number {
    return this.histories.size;
  }
}
