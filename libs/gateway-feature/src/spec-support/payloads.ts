// Spec helpers: contract-valid payloads for the gateway's specs. Excluded from the library build.
import jwt from 'jsonwebtoken';
import type { ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';

export const TEST_SECRET = 'gateway-spec-secret-0123456789abcdef';
export const tokenFor = (sub: string, role?: 'admin'): string => jwt.sign(role ? { sub, role } : { sub }, TEST_SECRET);

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

export const exposure = (userId: string, eventId: string, asOf: number, gross: string): ExposureUpdate => ({
  eventId,
  userId,
  asOf,
  cause: { kind: 'price', chainId: 1, token: WETH },
  grossExposureUsd: gross,
  netExposureUsd: gross,
  stablecoinExposureUsd: '0',
  volatileExposureUsd: gross,
  realizedPnlUsd: '10',
  unrealizedPnlUsd: '-2.5',
  feesUsd: '0',
  pnlComplete: true,
  positions: [
    {
      chainId: 1,
      token: WETH,
      symbol: 'WETH',
      decimals: 18,
      balance: '50000000000000000000',
      priceUsd: '3000',
      priceTimestamp: asOf,
      valueUsd: gross,
      share: '1',
      stablecoin: false,
      costUsd: gross,
      averageCostUsd: '3000',
      unrealizedPnlUsd: '-2.5',
      realizedPnlUsd: '10',
      feesUsd: '0',
    },
  ],
  unpriced: [],
  oldestPriceAt: asOf,
});

export const riskMetrics = (userId: string, eventId: string, asOf: number, tradingState: RiskMetrics['tradingState']): RiskMetrics => ({
  eventId,
  userId,
  asOf,
  sourceEventId: `${eventId}-source`,
  grossExposureUsd: '150000',
  netExposureUsd: '150000',
  concentration: { largestShare: '1', herfindahl: '1' },
  valueAtRisk: { historical: null, parametric: null, monteCarlo: null, monteCarloAsOf: null, returnPoints: 0 },
  drawdown: { current: null, max: null, equityPoints: 1 },
  performance: { sharpe: null, sortino: null },
  trades: { closedTrades: 0, winRate: null, averageTradeSizeUsd: null, consecutiveLosses: 0, maxConsecutiveLosses: 0 },
  dailyPnlUsd: '0',
  realizedPnlUsd: '0',
  unrealizedPnlUsd: '0',
  stress: [{ scenarioId: 'eth-minus-30', lossUsd: '45000' }],
  tradingState,
  rules: [
    { ruleId: 'max-exposure', kind: 'MaxExposure', level: tradingState === 'ACTIVE' ? 'ok' : 'breach', observed: '150000', threshold: '100000' },
    { ruleId: 'var-99', kind: 'VarLimit', level: 'not-evaluable', observed: null, threshold: '5000' },
  ],
  oldestPriceAt: asOf,
});
