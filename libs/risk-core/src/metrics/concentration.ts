import { Usd, type Usd as UsdValue } from '../money/usd';

export interface Concentration {
  /** max |v_i| / Σ|v_j| in [1/n, 1]. */
  largestShare: UsdValue;
  /** Herfindahl–Hirschman index Σ s_i² over shares s_i = |v_i| / Σ|v_j|, as a fraction in [1/n, 1] (×10,000 for DOJ points). */
  herfindahl: UsdValue;
  /** Positions with a non-zero value. */
  positions: number;
}

/**
 * Concentration of a book over absolute USD values, so shorts concentrate risk as longs do. Exact Decimal arithmetic:
 * HHI = Σ v_i² / (Σ|v_i|)², one division, so the cost stays flat per position. Null when every value is zero (no
 * exposure has no shares).
 */
export function concentration(values: readonly (UsdValue | string)[]): Concentration | null {
  let gross = new Usd(0);
  let squares = new Usd(0);
  let largest = new Usd(0);
  let positions = 0;
  values.forEach((raw, index) => {
    const value = typeof raw === 'string' ? parseUsdArgument(raw, index) : raw;
    if (!value.isFinite()) throw new Error(`values[${index}] is not finite: ${value.toString()}`);
    const size = value.abs();
    if (size.isZero()) return;
    positions++;
    gross = gross.plus(size);
    squares = squares.plus(size.times(size));
    if (size.greaterThan(largest)) largest = size;
  });
  if (gross.isZero()) return null;
  return { largestShare: largest.div(gross), herfindahl: squares.div(gross.times(gross)), positions };
}

function parseUsdArgument(text: string, index: number): UsdValue {
  try {
    return new Usd(text);
  } catch {
    throw new Error(`values[${index}] is not a decimal number: ${JSON.stringify(text)}`);
  }
}
