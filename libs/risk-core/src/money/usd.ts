import Decimal from 'decimal.js';

/**
 * USD arithmetic for the whole domain. 80 significant digits hold any uint256 amount (78 digits)
 * scaled by a price without rounding; results are rounded only when shown.
 */
export const Usd = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -80, toExpPos: 80 });
export type Usd = Decimal;

export const USD_ZERO = new Usd(0);

/** Converts base units to whole tokens: 1500000 with 6 decimals → 1.5. */
export const toWholeTokens = (baseUnits: bigint, decimals: number): Usd =>
  new Usd(baseUnits.toString()).div(new Usd(10).pow(decimals));

/** Fixed-point text for the wire: never exponent notation, trailing zeros trimmed. */
export const formatUsd = (value: Usd, decimalPlaces = 8): string => {
  const fixed = value.toDecimalPlaces(decimalPlaces, Decimal.ROUND_HALF_EVEN).toFixed();
  return fixed === '-0' ? '0' : fixed;
};
