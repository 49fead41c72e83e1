import { PRICE_DECIMALS, USD_DECIMALS, absAmount, divRound, pow10, ratio, valueAt, type UsdAmount } from '../money/usd-amount';
import type { PositionBook } from '../positions/position-book';
import type { PriceBook } from '../prices/price-book';
import type { TokenRegistry } from '../tokens/token-registry';
import type { ExposureSnapshot, ValuedPosition } from './exposure-snapshot';

/**
 * Values every open position at its latest price, in O(tokens held). A token without a price or without known
 * decimals is never valued as zero: it stays in `positions` with a null value and is listed in `unpriced`.
 */
export function valueExposure(book: PositionBook, registry: TokenRegistry, prices: PriceBook): ExposureSnapshot {
  const positions: ValuedPosition[] = [];
  const unpriced: ExposureSnapshot['unpriced'] = [];
  let grossUsd: UsdAmount = 0n;
  let netUsd: UsdAmount = 0n;
  let stablecoinUsd: UsdAmount = 0n;
  let realizedPnlUsd: UsdAmount = 0n;
  let unrealizedPnlUsd: UsdAmount = 0n;
  let feesUsd: UsdAmount = 0n;
  let pnlComplete = true;
  let oldestPriceAt: number | null = null;

  for (const p of book.all()) {
    realizedPnlUsd += p.realizedPnlUsd;
    feesUsd += p.feesUsd;
    if (p.unvaluedEvents > 0) pnlComplete = false;
    if (p.quantity === 0n) continue;

    const info = registry.get(p.chainId, p.token);
    const quote = prices.get(p.chainId, p.token);
    const costUsd = p.costKnown ? p.costUsd : null;
    const position: ValuedPosition = {
      chainId: p.chainId,
      token: p.token,
      symbol: info?.symbol ?? null,
      decimals: info?.decimals ?? null,
      balance: p.quantity,
      price: quote?.price ?? null,
      priceText: quote?.priceText ?? null,
      priceTimestamp: quote?.timestamp ?? null,
      valueUsd: null,
      share: null,
      stablecoin: info?.stablecoin ?? false,
      costUsd,
      // cost (18 dp) × 10^decimals / quantity → per whole token at the price scale (36 dp).
      averageCost:
        costUsd !== null && info ? divRound(costUsd * pow10(info.decimals + PRICE_DECIMALS - USD_DECIMALS), p.quantity) : null,
      unrealizedPnlUsd: null,
      realizedPnlUsd: p.realizedPnlUsd,
      feesUsd: p.feesUsd,
    };
    if (!info) unpriced.push({ chainId: p.chainId, token: p.token, reason: 'unknown-token' });
    else if (!quote) unpriced.push({ chainId: p.chainId, token: p.token, reason: 'no-price' });
    else {
      const value = valueAt(p.quantity, info.decimals, quote.price);
      position.valueUsd = value;
      grossUsd += absAmount(value);
      netUsd += value;
      if (position.stablecoin) stablecoinUsd += absAmount(value);
      oldestPriceAt = oldestPriceAt === null ? quote.timestamp : Math.min(oldestPriceAt, quote.timestamp);
      if (costUsd !== null) {
        position.unrealizedPnlUsd = value - costUsd;
        unrealizedPnlUsd += position.unrealizedPnlUsd;
      }
    }
    if (position.unrealizedPnlUsd === null) pnlComplete = false;
    positions.push(position);
  }

  if (grossUsd !== 0n) {
    for (const p of positions) if (p.valueUsd !== null) p.share = ratio(absAmount(p.valueUsd), grossUsd);
  }
  return {
    positions,
    grossUsd,
    netUsd,
    stablecoinUsd,
    volatileUsd: grossUsd - stablecoinUsd,
    realizedPnlUsd,
    unrealizedPnlUsd,
    feesUsd,
    pnlComplete,
    unpriced,
    oldestPriceAt,
  };
}
