import Decimal from 'decimal.js';
import { USD_DECIMALS, formatFixed, parseUsd, type UsdAmount } from './usd-amount';

/**
 * Decimal arithmetic for risk figures (VaR, drawdown, thresholds) at the edges of the domain. Accounting itself runs
 * on fixed-point bigints (`usd-amount.ts`); this type carries figures to rules and to the wire.
 */
export const Usd = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -80, toExpPos: 80 });
export type Usd = Decimal;

export const USD_ZERO = new Usd(0);

/** Fixed-point USD as a Decimal (exact). */
export const amountToUsd = (amount: UsdAmount): Usd => new Usd(formatFixed(amount, USD_DECIMALS, USD_DECIMALS));

/** A Decimal as fixed-point USD, rounded half-even to 1e-18. */
export const usdToAmount = (value: Usd): UsdAmount => parseUsd(value.toFixed());

/** Fixed-point text for the wire: never exponent notation, trailing zeros trimmed. */
export const formatDecimal = (value: Usd, decimalPlaces = 8): string => {
  const fixed = value.toDecimalPlaces(decimalPlaces, Decimal.ROUND_HALF_EVEN).toFixed();
  return fixed === '-0' ? '0' : fixed;
};
