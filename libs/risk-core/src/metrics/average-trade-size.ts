import { Usd, type Usd as UsdValue } from '../money/usd';

/**
 * Mean absolute USD notional per trade (a sell of 500 and a buy of 500 are both size 500), exact in Decimal. Null
 * with no trades.
 */
export function averageTradeSize(notionals: readonly (UsdValue | string)[]): UsdValue | null {
  if (notionals.length === 0) return null;
  let total = new Usd(0);
  notionals.forEach((raw, index) => {
    let value: UsdValue;
    try {
      value = typeof raw === 'string' ? new Usd(raw) : raw;
    } catch {
      throw new Error(`notionals[${index}] is not a decimal number: ${JSON.stringify(raw)}`);
    }
    if (!value.isFinite()) throw new Error(`notionals[${index}] is not finite: ${value.toString()}`);
    total = total.plus(value.abs());
  });
  return total.div(notionals.length);
}
