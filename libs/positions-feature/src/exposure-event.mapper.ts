import { randomUUID } from 'node:crypto';
import type { ExposureCause, ExposureUpdate } from '@hyperdex/contracts';
import { formatUsd, type ExposureSnapshot } from '@hyperdex/risk-core';

/** Puts a domain snapshot on the wire: bigints and decimals become strings, nothing is rounded but shares. */
export function toExposureUpdate(userId: string, snapshot: ExposureSnapshot, cause: ExposureCause, asOf: number): ExposureUpdate {
  return {
    eventId: randomUUID(),
    userId,
    asOf,
    cause,
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
      priceUsd: p.priceUsd ? p.priceUsd.toFixed() : null,
      priceTimestamp: p.priceTimestamp,
      valueUsd: p.valueUsd ? formatUsd(p.valueUsd) : null,
      share: p.share ? formatUsd(p.share, 6) : null,
      stablecoin: p.stablecoin,
      costUsd: p.costUsd ? formatUsd(p.costUsd) : null,
      averageCostUsd: p.averageCostUsd ? formatUsd(p.averageCostUsd) : null,
      unrealizedPnlUsd: p.unrealizedPnlUsd ? formatUsd(p.unrealizedPnlUsd) : null,
      realizedPnlUsd: formatUsd(p.realizedPnlUsd),
      feesUsd: formatUsd(p.feesUsd),
    })),
    unpriced: snapshot.unpriced,
    oldestPriceAt: snapshot.oldestPriceAt,
  };
}
