import { usdValuesToFloat } from '../metrics/var-figures';
import { pricedPositionsOf, type AssessedPosition } from './assess-user-risk';
import type { MarketModel } from './market-model';

/**
 * What a Monte Carlo run needs to re-price a book, detached from the market model so it can be sent to another
 * thread: the priced positions' USD values (float64 at this statistical boundary, as every VaR input) and the
 * covariance of their returns that the parametric figures of the same assessment used.
 */
export interface MonteCarloBook {
  readonly tokens: number;
  readonly values: Float64Array;
  /** Row-major tokens × tokens per-bar covariance; a copy, so later bars never change a queued run. */
  readonly covariance: Float64Array;
}

/** The book's Monte Carlo inputs, or null when there is nothing to simulate (no priced position, no covariance yet). */
export function monteCarloBookOf(positions: readonly AssessedPosition[], market: MarketModel): MonteCarloBook | null {
  const priced = pricedPositionsOf(positions);
  if (priced.length === 0) return null;
  const window = market.window(priced.map((p) => p.key));
  if (window.covariance === null) return null;
  return {
    tokens: priced.length,
    values: usdValuesToFloat(priced.map((p) => p.valueUsd)),
    covariance: Float64Array.from(window.covariance),
  };
}
