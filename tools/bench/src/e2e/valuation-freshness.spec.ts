import type { TokenPosition } from '@hyperdex/contracts';
import { FreshnessCollector, TickLog, freshnessOf } from './valuation-freshness';

const position = (token: string, priceTimestamp: number | null, stablecoin = false): TokenPosition => ({
  chainId: 1,
  token,
  symbol: 'X',
  decimals: 18,
  balance: '1',
  priceUsd: priceTimestamp === null ? null : '1',
  priceTimestamp,
  valueUsd: priceTimestamp === null ? null : '1',
  share: null,
  stablecoin,
  costUsd: null,
  averageCostUsd: null,
  unrealizedPnlUsd: null,
  realizedPnlUsd: '0',
  feesUsd: '0',
});

describe('valuation freshness', () => {
  const ticks = new TickLog();
  ticks.record('0xa', 1000, 1002);
  ticks.record('0xb', 1500, 1503);

  it('age is from the oldest priced volatile position; feed lag from when the feed sent the stalest tick', () => {
    const f = freshnessOf({ positions: [position('0xa', 1000), position('0xb', 1500), position('0xusdc', 10, true)] }, 2000, ticks);
    expect(f).toEqual({ ageMs: 1000, feedLagMs: 998 });
  });

  it('skips unpriced positions and ticks the feed never sent', () => {
    expect(freshnessOf({ positions: [position('0xa', null), position('0xc', 1800)] }, 2000, ticks)).toEqual({ ageMs: 200, feedLagMs: null });
    expect(freshnessOf({ positions: [] }, 2000, ticks)).toEqual({ ageMs: null, feedLagMs: null });
  });

  it('collects only while active', () => {
    const c = new FreshnessCollector(ticks);
    c.exposure({ positions: [position('0xa', 1000)] }, 1100);
    c.active = true;
    c.exposure({ positions: [position('0xa', 1000)] }, 1100);
    expect(c.ages).toEqual([100]);
    expect(c.feedLags).toEqual([98]);
  });
});
