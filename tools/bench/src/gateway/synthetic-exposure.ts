import type { ExposureUpdate } from '@hyperdex/contracts';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/**
 * A valid exposure update for one user (two positions, a price move as its cause), the size of a small real book.
 * The bench writes these straight to the gateway's input topic, so what is measured is the gateway alone.
 */
export function syntheticExposure(userId: string, eventId: string, asOf: number): ExposureUpdate {
  return {
    eventId,
    userId,
    asOf,
    cause: { kind: 'price', chainId: 1, token: WETH },
    grossExposureUsd: '6000',
    netExposureUsd: '6000',
    stablecoinExposureUsd: '3000',
    volatileExposureUsd: '3000',
    realizedPnlUsd: '0',
    unrealizedPnlUsd: '12.5',
    feesUsd: '0',
    pnlComplete: true,
    positions: [
      { chainId: 1, token: WETH, symbol: 'WETH', decimals: 18, balance: '1000000000000000000', priceUsd: '3000', priceTimestamp: asOf, valueUsd: '3000', share: '0.5', stablecoin: false, costUsd: '2987.5', averageCostUsd: '2987.5', unrealizedPnlUsd: '12.5', realizedPnlUsd: '0', feesUsd: '0' },
      { chainId: 1, token: USDC, symbol: 'USDC', decimals: 6, balance: '3000000000', priceUsd: '1', priceTimestamp: asOf, valueUsd: '3000', share: '0.5', stablecoin: true, costUsd: '3000', averageCostUsd: '1', unrealizedPnlUsd: '0', realizedPnlUsd: '0', feesUsd: '0' },
    ],
    unpriced: [],
    oldestPriceAt: asOf,
  };
}
