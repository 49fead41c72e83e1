/**
 * `npm run bench:contracts`: what every consumer pays per record before its handler runs — JSON text to a validated
 * payload (`decodeJson`), beside a bare `JSON.parse` of the same text. Each trade is decoded by positions, each
 * exposure update by risk and by the gateway. Results are kept in tools/bench/results/contracts.json.
 */
import { ExposureUpdateSchema, TradeSchema, decodeJson, type ExposureUpdate, type Trade } from '@hyperdex/contracts';
import { runSuite, type BenchCase } from '../index';

const T0 = Date.UTC(2026, 10, 24);

const trade = (i: number): Trade => ({
  tradeId: `bench-${i}`,
  userId: `user-${i % 500}`,
  chainId: 1,
  dex: 'uniswap-v3',
  tokenIn: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
  tokenOut: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  amountIn: String(3_000_000_000 + i),
  amountOut: '1000000000000000000',
  timestamp: T0 + i,
});

const exposure = (positions: number, i: number): ExposureUpdate => ({
  eventId: `positions-${i}`,
  userId: `user-${i % 500}`,
  asOf: T0 + i,
  cause: { kind: 'trade', tradeId: `bench-${i}`, outcome: { closesPosition: false, realizedPnlUsd: '0', notionalUsd: '3000', feesUsd: '1.2' }, executedAt: T0 + i },
  grossExposureUsd: '1850000.25',
  netExposureUsd: '1350000.25',
  stablecoinExposureUsd: '250000',
  volatileExposureUsd: '1600000.25',
  realizedPnlUsd: '1520.5',
  unrealizedPnlUsd: '-3200.75',
  feesUsd: '42.1',
  pnlComplete: true,
  positions: Array.from({ length: positions }, (_, p) => ({
    chainId: 1,
    token: `0x${(p + 1).toString(16).padStart(40, '0')}`,
    symbol: `TK${p}`,
    decimals: 18,
    balance: `${(p + 1) * 1_000_000}000000000000`,
    priceUsd: `${100 + p}.25`,
    priceTimestamp: T0,
    valueUsd: `${(p + 1) * 92_500}.5`,
    share: '0.05',
    stablecoin: false,
    costUsd: `${(p + 1) * 90_000}`,
    averageCostUsd: `${98 + p}.1`,
    unrealizedPnlUsd: `${(p + 1) * 2_500}.5`,
    realizedPnlUsd: '0',
    feesUsd: '1.5',
  })),
  unpriced: [],
  oldestPriceAt: T0,
});

/** 1,024 distinct texts per shape, so no case measures one cached string. */
const texts = <T>(make: (i: number) => T): string[] => Array.from({ length: 1024 }, (_, i) => JSON.stringify(make(i)));
const trades = texts(trade);
const exposures5 = texts((i) => exposure(5, i));
const exposures20 = texts((i) => exposure(20, i));

// Guard: a benchmark of the failure path would flatter the figures.
for (const [schema, sample] of [
  [TradeSchema, trades[0]],
  [ExposureUpdateSchema, exposures5[0]],
  [ExposureUpdateSchema, exposures20[0]],
] as const) {
  const decoded = decodeJson(schema, sample as string);
  if (!decoded.ok) throw new Error(`benchmark payload is invalid: ${JSON.stringify(decoded.errors.slice(0, 3))}`);
}

const at = (list: readonly string[], i: number) => list[i % list.length] as string;
const cases: BenchCase[] = [
  { name: `trade: JSON.parse only (${at(trades, 0).length} B)`, iterations: 50_000, run: (i) => void JSON.parse(at(trades, i)) },
  { name: 'trade: decodeJson (parse + contract)', iterations: 50_000, run: (i) => void decodeJson(TradeSchema, at(trades, i)) },
  { name: `exposure, 5 positions: JSON.parse only (${at(exposures5, 0).length} B)`, iterations: 50_000, run: (i) => void JSON.parse(at(exposures5, i)) },
  { name: 'exposure, 5 positions: decodeJson', iterations: 50_000, run: (i) => void decodeJson(ExposureUpdateSchema, at(exposures5, i)) },
  { name: `exposure, 20 positions: JSON.parse only (${at(exposures20, 0).length} B)`, iterations: 20_000, run: (i) => void JSON.parse(at(exposures20, i)) },
  { name: 'exposure, 20 positions: decodeJson', iterations: 20_000, run: (i) => void decodeJson(ExposureUpdateSchema, at(exposures20, i)) },
];

runSuite('contracts', cases);
