import { toFloat64Series, type NumericSeries } from './numeric-series';

/** Largest peak-to-trough fall of an equity curve, with where it happened. */
export interface DrawdownDetails {
  /** (peak − trough) / peak in [0, 1]; 0 for a curve that never falls (or has fewer than two points). */
  maxDrawdown: number;
  /** Index of the running peak the largest fall started from; null when there is no fall. */
  peakIndex: number | null;
  /** Index of the trough of the largest fall; null when there is no fall. */
  troughIndex: number | null;
  /** (running peak − last value) / running peak: how far below its high the curve sits now. */
  currentDrawdown: number;
  /** Points examined. */
  points: number;
}

/**
 * Drawdown core on equity values (not returns): one pass, O(n), no allocation beyond the result. Values must be
 * positive (an equity curve); a non-positive running peak has no meaningful fractional drawdown and is rejected.
 */
export function drawdownOf(equity: Float64Array, length = equity.length): DrawdownDetails {
  if (length === 0) return { maxDrawdown: 0, peakIndex: null, troughIndex: null, currentDrawdown: 0, points: 0 };
  let peak = equity[0] as number;
  let peakAt = 0;
  let worst = 0;
  let worstPeakAt: number | null = null;
  let worstTroughAt: number | null = null;
  for (let i = 0; i < length; i++) {
    const value = equity[i] as number;
    if (value > peak) {
      peak = value;
      peakAt = i;
      continue;
    }
    if (!(peak > 0)) throw new Error(`equity must be positive to measure drawdown; peak at index ${peakAt} is ${peak}`);
    const fall = (peak - value) / peak;
    if (fall > worst) {
      worst = fall;
      worstPeakAt = peakAt;
      worstTroughAt = i;
    }
  }
  if (!(peak > 0)) throw new Error(`equity must be positive to measure drawdown; peak is ${peak}`);
  const last = equity[length - 1] as number;
  // A curve can go below zero (a wiped-out account); the fraction is capped at a total loss.
  return {
    maxDrawdown: Math.min(worst, 1),
    peakIndex: worstPeakAt,
    troughIndex: worstTroughAt,
    currentDrawdown: Math.min((peak - last) / peak, 1),
    points: length,
  };
}

/**
 * Maximum drawdown of an equity curve as a positive fraction of the peak, in [0, 1]: max over t of
 * (max_{s≤t} V_s − V_t) / max_{s≤t} V_s. empyrical's `max_drawdown` reports the same number negated, computed on the
 * curve 100·Π(1 + r) it builds from returns.
 */
export const maxDrawdown = (values: NumericSeries): number => drawdownOf(toFloat64Series(values, 'values')).maxDrawdown;

/** Drawdown now: (running peak − last value) / running peak, in [0, 1]. */
export const currentDrawdown = (values: NumericSeries): number =>
  drawdownOf(toFloat64Series(values, 'values')).currentDrawdown;

/** Max and current drawdown with the peak and trough indices of the largest fall. */
export const drawdownDetails = (values: NumericSeries): DrawdownDetails => drawdownOf(toFloat64Series(values, 'values'));
