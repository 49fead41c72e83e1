import { parsePrice, type UsdPrice } from '../money/usd-amount';
import { tokenKey, type TokenKey } from '../tokens/token-key';

export interface PriceQuote {
  /** USD per whole token, 36-decimal fixed point. */
  price: UsdPrice;
  /** The price as it arrived, for the wire. */
  priceText: string;
  /** When the price was observed (epoch ms), so staleness can be judged downstream. */
  timestamp: number;
  source: string;
}

/** Latest USD price per token. An older tick never overwrites a newer one (ticks can arrive out of order). */
export class PriceBook {
  private readonly quotes = new Map<TokenKey, PriceQuote>();

  /** Returns true when the tick became the token's current price. */
  apply(chainId: number, token: string, priceUsd: string, timestamp: number, source: string): boolean {
    const key = tokenKey(chainId, token);
    const current = this.quotes.get(key);
    if (current && current.timestamp > timestamp) return false;
    this.quotes.set(key, { price: parsePrice(priceUsd), priceText: priceUsd, timestamp, source });
    return true;
  }

  get(chainId: number, token: string): PriceQuote | undefined {
    return this.quotes.get(tokenKey(chainId, token));
  }
}
