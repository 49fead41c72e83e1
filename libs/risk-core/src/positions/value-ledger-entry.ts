import { valueAt, type UsdAmount } from '../money/usd-amount';
import type { PriceBook } from '../prices/price-book';
import type { TokenRegistry } from '../tokens/token-registry';
import type { LedgerEntry } from './ledger-entry';
import type { LedgerValuation } from './ledger-valuation';

/** USD value of `amount` base units at the token's current price, or null when its decimals or price are unknown. */
export function valueOf(chainId: number, token: string, amount: bigint, registry: TokenRegistry, prices: PriceBook): UsdAmount | null {
  const info = registry.get(chainId, token);
  const quote = prices.get(chainId, token);
  if (!info || !quote) return null;
  return valueAt(amount, info.decimals, quote.price);
}

/**
 * Values an event at the prices of the moment. A swap is worth what was given (tokenIn at its price); when tokenIn
 * has no price, what was received; when neither has one, nothing, and the book marks the legs unvalued.
 */
export function valueLedgerEntry(entry: LedgerEntry, registry: TokenRegistry, prices: PriceBook): LedgerValuation {
  if (entry.kind === 'transfer') {
    return { valueUsd: valueOf(entry.chainId, entry.token, entry.amount, registry, prices), feesUsd: [] };
  }
  const valueUsd =
    valueOf(entry.chainId, entry.tokenIn, entry.amountIn, registry, prices) ??
    valueOf(entry.chainId, entry.tokenOut, entry.amountOut, registry, prices);
  const feesUsd = entry.fees.map((fee) => valueOf(entry.chainId, fee.token, fee.amount, registry, prices));
  return { valueUsd, feesUsd };
}
