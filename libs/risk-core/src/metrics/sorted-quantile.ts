/**
 * Quantile of ascending-sorted data with numpy's default `percentile(..., method='linear')` rule (Hyndman & Fan type
 * 7): position h = (n − 1)·p, interpolated linearly between the two neighbouring order statistics. This is the rule
 * empyrical's `value_at_risk` inherits, so figures match it exactly.
 */
export function linearQuantileOfSorted(sorted: Float64Array, length: number, probability: number): number {
  if (length === 0) return NaN;
  const h = (length - 1) * probability;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, length - 1);
  const low = sorted[lower] as number;
  return low + (h - lower) * ((sorted[upper] as number) - low);
}

/**
 * Mean of the k = ⌊(n − 1)·p⌋ + 1 smallest points of ascending-sorted data: empyrical's `conditional_value_at_risk`
 * (it partitions at index ⌊(n − 1)·cutoff⌋ and averages up to and including it). Without ties this is exactly the
 * mean of the returns at or below the linear-interpolated VaR quantile.
 */
export function lowerTailMeanOfSorted(sorted: Float64Array, length: number, probability: number): number {
  if (length === 0) return NaN;
  const count = Math.floor((length - 1) * probability) + 1;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i] as number;
  return sum / count;
}

/** Copies the first `length` points into `scratch` and sorts them ascending in place (typed-array numeric sort). */
export function sortedCopyInto(values: Float64Array, length: number, scratch: Float64Array): Float64Array {
  const view = scratch.subarray(0, length);
  view.set(values.subarray(0, length));
  view.sort();
  return view;
}
