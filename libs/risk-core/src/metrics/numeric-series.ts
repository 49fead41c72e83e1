/** A series as callers hold it: JS numbers, or decimal strings straight off the wire. */
export type NumericSeries = readonly (number | string)[];

// Plain decimal or exponent notation only: hex, '', ' 1', 'Infinity' and friends are garbage, not numbers.
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a series into a fresh Float64Array, rejecting NaN, ±Infinity and non-decimal text with an Error that names
 * the argument and the index, so a bad point never turns into a silent NaN statistic.
 */
export function toFloat64Series(values: NumericSeries, argumentName: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = toFiniteNumber(values[i], argumentName, i);
  }
  return out;
}

export function toFiniteNumber(value: number | string | undefined, argumentName: string, index: number): number {
  let parsed: number;
  if (typeof value === 'number') {
    parsed = value;
  } else if (typeof value === 'string' && DECIMAL_TEXT.test(value)) {
    parsed = Number(value);
  } else {
    throw new Error(`${argumentName}[${index}] is not a decimal number: ${JSON.stringify(value)}`);
  }
  if (!Number.isFinite(parsed)) {
    throw new Error(`${argumentName}[${index}] is not finite: ${String(value)}`);
  }
  return parsed;
}

/** Confidence levels are probabilities strictly inside (0, 1); 1 would ask for the worst case, which VaR is not. */
export function assertConfidence(confidence: number, argumentName = 'confidence'): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`${argumentName} must be in (0, 1), got ${confidence}`);
  }
}
