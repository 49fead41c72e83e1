/** Arithmetic mean of the first `length` points; NaN for an empty range (callers map that to null). */
export function meanOf(values: Float64Array, length = values.length): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i] as number;
  return sum / length;
}

/**
 * Sample standard deviation (ddof = 1, numpy `std(ddof=1)`, pandas default) of the first `length` points. Two-pass
 * so a large mean does not cancel the variance away.
 */
export function sampleStdOf(values: Float64Array, length = values.length, mean = meanOf(values, length)): number {
  if (length < 2) return NaN;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (length - 1));
}
