import { PositionBook } from '@hyperdex/risk-core';
import { PositionBookCache } from './position-book-cache';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const holding = (...tokens: string[]) =>
  PositionBook.restore(
    tokens.map((token) => ({ chainId: 1, token, quantity: 1n, costUsd: 0n, costKnown: true, realizedPnlUsd: 0n, feesUsd: 0n, unvaluedEvents: 0 })),
  );

describe('PositionBookCache', () => {
  it('indexes holders by token and re-indexes when a user changes', () => {
    const cache = new PositionBookCache(10);
    cache.put('alice', holding(WETH), 0);
    cache.put('bob', holding(WETH, USDC), 1);
    expect(cache.holdersOf(1, WETH).sort()).toEqual(['alice', 'bob']);
    cache.put('bob', holding(USDC), 1);
    expect(cache.holdersOf(1, WETH)).toEqual(['alice']);
    expect(cache.holdersOf(1, USDC)).toEqual(['bob']);
    expect(cache.holdersOf(10, WETH)).toEqual([]);
  });

  it('counts open positions across cached users, following re-indexing and eviction', () => {
    const cache = new PositionBookCache(2);
    cache.put('alice', holding(WETH), 0);
    cache.put('bob', holding(WETH, USDC), 1);
    expect(cache.openPositions()).toBe(3);
    cache.put('bob', holding(USDC), 1);
    expect(cache.openPositions()).toBe(2);
    cache.put('carol', holding(WETH, USDC), 0);
    expect(cache.openPositions()).toBe(3); // alice evicted
  });

  it('evicts the least recently used user beyond its bound, index included', () => {
    const cache = new PositionBookCache(2);
    cache.put('alice', holding(WETH), 0);
    cache.put('bob', holding(WETH), 0);
    cache.get('alice');
    cache.put('carol', holding(WETH), 0);
    expect(cache.get('bob')).toBeUndefined();
    expect(cache.get('alice')).toBeDefined();
    expect(cache.holdersOf(1, WETH).sort()).toEqual(['alice', 'carol']);
  });

  it('drops the users of partitions that moved to another instance', () => {
    const cache = new PositionBookCache(10);
    cache.put('alice', holding(WETH), 0);
    cache.put('bob', holding(WETH), 3);
    cache.put('carol', holding(USDC), 5);
    expect(cache.retainPartitions([0, 5])).toBe(1);
    expect(cache.get('bob')).toBeUndefined();
    expect(cache.holdersOf(1, WETH)).toEqual(['alice']);
    expect(cache.size).toBe(2);
  });
});
