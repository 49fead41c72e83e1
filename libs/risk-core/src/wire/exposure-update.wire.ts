import type { ExposureCause, ExposureUpdate } from '@hyperdex/contracts';
import { PRICE_DECIMALS, USD_DECIMALS, formatFixed, formatUsd } from '../money/usd-amount';
import type { ExposureSnapshot } from '../exposure/exposure-snapshot';

/**
 * Puts a domain snapshot on the wire: bigints and decimals become strings, nothing is rounded but shares. `causes`
 * are every event the update covers, in order applied; the last is also its `cause`. Shared by the positions service
 * and the pre-trade check, so a check's exposure is written exactly as the booked trade's update would be.
 */
export function toExposureUpdate(eventId: string, userId: string, snapshot: ExposureSnapshot, causes: readonly ExposureCause[], asOf: number): ExposureUpdate {
  const cause = causes[causes.length - 1];
  if (cause === undefined) throw new RangeError('an exposure update covers at least one cause');
  return {
    eventId,
    userId,
    asOf,
    cause,
    causes: [...causes],
    grossExposureUsd: formatUsd(snapshot.grossUsd),
    netExposureUsd: formatUsd(snapshot.netUsd),
    stablecoinExposureUsd: formatUsd(snapshot.stablecoinUsd),
    volatileExposureUsd: formatUsd(snapshot.volatileUsd),
    realizedPnlUsd: formatUsd(snapshot.realizedPnlUsd),
    unrealizedPnlUsd: formatUsd(snapshot.unrealizedPnlUsd),
    feesUsd: formatUsd(snapshot.feesUsd),
    pnlComplete: snapshot.pnlComplete,
    positions: snapshot.positions.map((p) => ({
      chainId: p.chainId,
      token: p.token,
      symbol: p.symbol,
      decimals: p.decimals,
      balance: p.balance.toString(),
      priceUsd: p.priceText,
      priceTimestamp: p.priceTimestamp,
      valueUsd: p.valueUsd !== null ? formatUsd(p.valueUsd) : null,
      share: p.share !== null ? formatFixed(p.share, USD_DECIMALS, 6) : null,
      stablecoin: p.stablecoin,
      costUsd: p.costUsd !== null ? formatUsd(p.costUsd) : null,
      averageCostUsd: p.averageCost !== null ? formatFixed(p.averageCost, PRICE_DECIMALS, 8) : null,
      unrealizedPnlUsd: p.unrealizedPnlUsd !== null ? formatUsd(p.unrealizedPnlUsd) : null,
      realizedPnlUsd: formatUsd(p.realizedPnlUsd),
      feesUsd: formatUsd(p.feesUsd),
    })),
    unpriced: snapshot.unpriced,
    oldestPriceAt: snapshot.oldestPriceAt,
  };
}
