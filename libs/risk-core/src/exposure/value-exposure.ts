import { USD_ZERO, toWholeTokens, type Usd } from '../money/usd';
import type { PriceBook } from '../prices/price-book';
import type { UserBalances } from '../positions/user-balances';
import type { TokenRegistry } from '../tokens/token-registry';
import type { ExposureSnapshot, ValuedPosition } from './exposure-snapshot';

/**
 * Values every balance at its latest price. A token without a price or without known decimals is never
 * valued as zero: it stays in `positions` with a null value and is listed in `unpriced`.
 * Zero balances (a position fully closed) are left out.
 */
export function valueExposure(balances: UserBalances, registry: TokenRegistry, prices: PriceBook): ExposureSnapshot {
  const positions: ValuedPosition[] = [];
  const unpriced: ExposureSnapshot['unpriced'] = [];
  let grossUsd: Usd = USD_ZERO;
  let netUsd: Usd = USD_ZERO;
  let oldestPriceAt: number | null = null;

  for (const { chainId, token, balance } of balances.entries()) {
    if (balance === 0n) continue;
    const info = registry.get(chainId, token);
    const quote = prices.get(chainId, token);
    const position: ValuedPosition = {
      chainId,
      token,
      symbol: info?.symbol ?? null,
      decimals: info?.decimals ?? null,
      balance,
      priceUsd: quote?.priceUsd ?? null,
      priceTimestamp: quote?.timestamp ?? null,
      valueUsd: null,
      share: null,
      stablecoin: info?.stablecoin ?? false,
    };
    if (!info) unpriced.push({ chainId, token, reason: 'unknown-token' });
    else if (!quote) unpriced.push({ chainId, token, reason: 'no-price' });
    else {
      const value = toWholeTokens(balance, info.decimals).mul(quote.priceUsd);
      position.valueUsd = value;
      grossUsd = grossUsd.add(value.abs());
      netUsd = netUsd.add(value);
      oldestPriceAt = oldestPriceAt === null ? quote.timestamp : Math.min(oldestPriceAt, quote.timestamp);
    }
    positions.push(position);
  }

  if (!grossUsd.isZero()) {
    for (const p of positions) if (p.valueUsd) p.share = p.valueUsd.abs().div(grossUsd);
  }
  return { positions, grossUsd, netUsd, unpriced, oldestPriceAt };
}
