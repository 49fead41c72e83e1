import { formatUsd } from '../money/usd-amount';
import { parseUsd } from '../money/usd-amount';
import { PriceBook } from '../prices/price-book';
import { PositionBook } from '../positions/position-book';
import { TokenRegistry } from '../tokens/token-registry';
import { valueExposure } from './value-exposure';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const UNKNOWN = '0x1111111111111111111111111111111111111111';
const T0 = 1_700_000_000_000;

const holding = (token: string, quantity: bigint, costUsd: string) =>
  PositionBook.restore([
    { chainId: 1, token, quantity, costUsd: parseUsd(costUsd), costKnown: true, realizedPnlUsd: 0n, feesUsd: 0n, unvaluedEvents: 0 },
  ]);

describe('a user who swapped 7,500 USDC they did not hold for 2.5 WETH', () => {
  const registry = new TokenRegistry();
  const book = new PositionBook();
  book.apply(
    { kind: 'swap', id: 'x', chainId: 1, tokenIn: USDC, amountIn: 7_500_000_000n, tokenOut: WETH, amountOut: 2_500_000_000_000_000_000n, fees: [], timestamp: T0 },
    { valueUsd: parseUsd('7500'), feesUsd: [] },
  );

  it('holds exact base-unit balances: long WETH, short USDC', () => {
    expect(book.get(1, WETH)?.quantity).toBe(2_500_000_000_000_000_000n);
    expect(book.get(1, USDC)?.quantity).toBe(-7_500_000_000n);
  });

  it('is valued at the latest prices: 2.5 × 3,000 = 7,500 long WETH, 7,500 short USDC', () => {
    const prices = new PriceBook();
    prices.apply(1, WETH, '3000', T0, 'test');
    prices.apply(1, USDC, '1', T0 + 5, 'test');
    const snapshot = valueExposure(book, registry, prices);
    expect(usd(snapshot.grossUsd)).toBe('15000');
    expect(usd(snapshot.netUsd)).toBe('0');
    expect(snapshot.oldestPriceAt).toBe(T0);
    expect(snapshot.unpriced).toEqual([]);
    const weth = snapshot.positions.find((p) => p.token === WETH);
    expect(usd(weth?.valueUsd)).toBe('7500');
    expect(usd(weth?.share)).toBe('0.5');
    expect(usd(snapshot.positions.find((p) => p.token === USDC)?.costUsd)).toBe('-7500');
  });

  it('never values a missing price as zero: the token is listed as unpriced', () => {
    const prices = new PriceBook();
    prices.apply(1, WETH, '3000', T0, 'test');
    const snapshot = valueExposure(book, registry, prices);
    expect(usd(snapshot.grossUsd)).toBe('7500');
    expect(snapshot.unpriced).toEqual([{ chainId: 1, token: USDC, reason: 'no-price' }]);
    const usdc = snapshot.positions.find((p) => p.token === USDC);
    expect(usdc?.valueUsd).toBeNull();
    expect(usdc?.balance).toBe(-7_500_000_000n);
  });

  it('lists a token missing from the registry as unknown, even when priced', () => {
    const prices = new PriceBook();
    prices.apply(1, UNKNOWN, '5', T0, 'test');
    expect(valueExposure(holding(UNKNOWN, 10n, '50'), registry, prices).unpriced).toEqual([{ chainId: 1, token: UNKNOWN, reason: 'unknown-token' }]);
  });
});

describe('gross exposure', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  prices.apply(1, WETH, '3000', T0, 'test');

  it('keeps every wei: 33.333333333333333334 WETH × 3,000 = 100,000.000000000000002', () => {
    expect(usd(valueExposure(holding(WETH, 33_333_333_333_333_333_334n, '1'), registry, prices).grossUsd)).toBe('100000.000000000000002');
  });

  it('measures shorts by their absolute value', () => {
    const snapshot = valueExposure(holding(WETH, -40_000_000_000_000_000_000n, '-100000'), registry, prices);
    expect(usd(snapshot.grossUsd)).toBe('120000');
    expect(usd(snapshot.netUsd)).toBe('-120000');
    expect(usd(snapshot.positions[0]?.unrealizedPnlUsd)).toBe('-20000');
  });
});

describe('PriceBook', () => {
  it('keeps the newest tick when ticks arrive out of order', () => {
    const prices = new PriceBook();
    expect(prices.apply(1, WETH, '3100', T0 + 10, 'a')).toBe(true);
    expect(prices.apply(1, WETH, '2900', T0, 'b')).toBe(false);
    expect(prices.get(1, WETH)?.priceText).toBe('3100');
  });
});
