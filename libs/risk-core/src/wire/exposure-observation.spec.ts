import type { ExposureUpdate } from '@hyperdex/contracts';
import { parseUsd } from '../money/usd-amount';
import { assessedPositionsOf, observationOf } from './exposure-observation';

const update: ExposureUpdate = {
  eventId: 'e1',
  userId: 'alice',
  asOf: 1_764_000_000_000,
  cause: {
    kind: 'trade',
    tradeId: 't1',
    executedAt: 1_764_000_000_000,
    outcome: { closesPosition: true, realizedPnlUsd: '-12.5', notionalUsd: '1000', feesUsd: '1.2' },
  },
  grossExposureUsd: '5000',
  netExposureUsd: '5000',
  stablecoinExposureUsd: '1000',
  volatileExposureUsd: '4000',
  realizedPnlUsd: '-12.5',
  unrealizedPnlUsd: '300',
  feesUsd: '1.2',
  pnlComplete: true,
  positions: [
    { chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18, balance: '1', priceUsd: '4000', priceTimestamp: 1_764_000_000_000, valueUsd: '4000', share: '0.8', stablecoin: false, costUsd: '3700', averageCostUsd: '3700', unrealizedPnlUsd: '300', realizedPnlUsd: '0', feesUsd: '0' },
    { chainId: 1, token: '0x1111111111111111111111111111111111111111', symbol: null, decimals: null, balance: '5', priceUsd: null, priceTimestamp: null, valueUsd: null, share: null, stablecoin: false, costUsd: null, averageCostUsd: null, unrealizedPnlUsd: null, realizedPnlUsd: '0', feesUsd: '0' },
  ],
  unpriced: [{ chainId: 1, token: '0x1111111111111111111111111111111111111111', reason: 'unknown-token' }],
  oldestPriceAt: 1_764_000_000_000,
};

describe('from an exposure update', () => {
  it('observes total PnL, capital at risk and the closed trade', () => {
    expect(observationOf(update)).toEqual({
      asOf: update.asOf,
      pnlUsd: parseUsd('287.5'),
      grossUsd: parseUsd('5000'),
      closedTrades: [{ realizedPnlUsd: parseUsd('-12.5'), notionalUsd: parseUsd('1000') }],
    });
  });

  it('observes every trade an update folded in that closed a position with a known PnL, in order', () => {
    const trade = (tradeId: string, closesPosition: boolean, realizedPnlUsd: string | null) =>
      ({ kind: 'trade', tradeId, executedAt: update.asOf, outcome: { closesPosition, realizedPnlUsd, notionalUsd: '100', feesUsd: '0' } }) as const;
    const folded: ExposureUpdate = {
      ...update,
      causes: [
        trade('t1', true, '5'),
        { kind: 'price', chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' },
        trade('t2', false, '0'),
        trade('t3', true, null),
        { kind: 'retraction', tradeId: 't0', reason: 'reorg' },
        trade('t4', true, '-3'),
      ],
      cause: trade('t4', true, '-3'),
    };
    expect(observationOf(folded).closedTrades).toEqual([
      { realizedPnlUsd: parseUsd('5'), notionalUsd: parseUsd('100') },
      { realizedPnlUsd: parseUsd('-3'), notionalUsd: parseUsd('100') },
    ]);
  });

  it('does not count a trade that only opened positions, nor a price move', () => {
    const opening = { ...update, cause: { ...update.cause, outcome: { closesPosition: false, realizedPnlUsd: '0', notionalUsd: '1000', feesUsd: '0' } } } as ExposureUpdate;
    expect(observationOf(opening).closedTrades).toEqual([]);
    expect(observationOf({ ...update, cause: { kind: 'price', chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' } }).closedTrades).toEqual([]);
  });

  it('keeps unpriced positions as null values, never zero', () => {
    expect(assessedPositionsOf(update).map((p) => [p.key, p.valueUsd?.toString() ?? null])).toEqual([
      ['1:0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', '4000'],
      ['1:0x1111111111111111111111111111111111111111', null],
    ]);
  });
});
