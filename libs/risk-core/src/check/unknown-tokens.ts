import type { UnpricedReason } from '../exposure/exposure-snapshot';
import type { SwapEntry } from '../positions/ledger-entry';
import type { PriceBook } from '../prices/price-book';
import { tokenKey } from '../tokens/token-key';
import type { TokenRegistry } from '../tokens/token-registry';

export interface UnknownToken {
  readonly chainId: number;
  readonly token: string;
  readonly reason: UnpricedReason;
  /** Indexes of the checked trades that move the token. */
  readonly trades: number[];
}

/**
 * Every token the trades move (both legs and fees) that cannot be valued: no decimals known, or no price. Such a
 * trade's effect on exposure is unknown, so the check must say so rather than judge a book that leaves it out.
 */
export function unknownTokensOf(trades: readonly SwapEntry[], registry: TokenRegistry, prices: PriceBook): UnknownToken[] {
  const found = new Map<string, UnknownToken>();
  trades.forEach((trade, index) => {
    for (const token of [trade.tokenIn, trade.tokenOut, ...trade.fees.map((f) => f.token)]) {
      const reason: UnpricedReason | null = !registry.get(trade.chainId, token) ? 'unknown-token' : !prices.get(trade.chainId, token) ? 'no-price' : null;
      if (reason === null) continue;
      const key = tokenKey(trade.chainId, token);
      const seen = found.get(key) ?? { chainId: trade.chainId, token: token.toLowerCase(), reason, trades: [] };
      if (!seen.trades.includes(index)) seen.trades.push(index);
      found.set(key, seen);
    }
  });
  return [...found.values()];
}
