import { USD_ZERO, Usd, toWholeTokens } from '../money/usd';
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
  let grossUsd: Usd = USD_ZERO;
  let netUsd: Usd = USD_ZERO;
  let stablecoinUsd: Usd = USD_ZERO;
  let realizedPnlUsd: Usd = USD_ZERO;
  let unrealizedPnlUsd: Usd = USD_ZERO;
  let feesUsd: Usd = USD_ZERO;
  let pnlComplete = true;
  let oldestPriceAt: number | null = null;

  for (const p of book.all()) {
    realizedPnlUsd = realizedPnlUsd.add(p.realizedPnlUsd);
    feesUsd = feesUsd.add(p.feesUsd);
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
      priceUsd: quote?.priceUsd ?? null,
      priceTimestamp: quote?.timestamp ?? null,
      valueUsd: null,
      share: null,
      stablecoin: info?.stablecoin ?? false,
      costUsd,
      averageCostUsd: costUsd && info ? costUsd.div(toWholeTokens(p.quantity, info.decimals)) : null,
      unrealizedPnlUsd: null,
      realizedPnlUsd: p.realizedPnlUsd,
      feesUsd: p.feesUsd,
    };
    if (!info) unpriced.push({ chainId: p.chainId, token: p.token, reason: 'unknown-token' });
    else if (!quote) unpriced.push({ chainId: p.chainId, token: p.token, reason: 'no-price' });
    else {
      const value = toWholeTokens(p.quantity, info.decimals).mul(quote.priceUsd);
      position.valueUsd = value;
      grossUsd = grossUsd.add(value.abs());
      netUsd = netUsd.add(value);
      if (position.stablecoin) stablecoinUsd = stablecoinUsd.add(value.abs());
      oldestPriceAt = oldestPriceAt === null ? quote.timestamp : Math.min(oldestPriceAt, quote.timestamp);
      if (costUsd) {
        position.unrealizedPnlUsd = value.sub(costUsd);
        unrealizedPnlUsd = unrealizedPnlUsd.add(position.unrealizedPnlUsd);
      }
    }
    if (position.unrealizedPnlUsd === null) pnlComplete = false;
    positions.push(position);
  }

  if (!grossUsd.isZero()) {
    for (const p of positions) if (p.valueUsd) p.share = p.valueUsd.abs().div(grossUsd);
  }
  return {
    positions,
    grossUsd,
    netUsd,
    stablecoinUsd,
    volatileUsd: grossUsd.sub(stablecoinUsd),
    realizedPnlUsd,
    unrealizedPnlUsd,
    feesUsd,
    pnlComplete,
    unpriced,
    oldestPriceAt,
  };
}
