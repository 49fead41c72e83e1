import { PriceBook } from '../prices/price-book';
import { UserBalances } from '../positions/user-balances';
import { TokenRegistry } from '../tokens/token-registry';
import { MaxExposureRule } from '../rules/max-exposure.rule';
import { valueExposure } from './value-exposure';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const UNKNOWN = '0x1111111111111111111111111111111111111111';
const T0 = 1_700_000_000_000;

describe('a user who buys 2.5 WETH for 7,500 USDC', () => {
  const registry = new TokenRegistry();
  const balances = new UserBalances();
  balances.applySwap({ chainId: 1, tokenIn: USDC, tokenOut: WETH, amountIn: '7500000000', amountOut: '2500000000000000000' });

  it('holds exact base-unit balances', () => {
    expect(balances.get(1, WETH)).toBe(2_500_000_000_000_000_000n);
    expect(balances.get(1, USDC)).toBe(-7_500_000_000n);
  });

  it('is valued at the latest prices: 2.5 × 3,000 = 7,500 long WETH, 7,500 short USDC', () => {
    const prices = new PriceBook();
    prices.apply(1, WETH, '3000', T0, 'test');
    prices.apply(1, USDC, '1', T0 + 5, 'test');
    const snapshot = valueExposure(balances, registry, prices);
    expect(snapshot.grossUsd.toString()).toBe('15000');
    expect(snapshot.netUsd.toString()).toBe('0');
    expect(snapshot.oldestPriceAt).toBe(T0);
    expect(snapshot.unpriced).toEqual([]);
    const weth = snapshot.positions.find((p) => p.token === WETH);
    expect(weth?.valueUsd?.toString()).toBe('7500');
    expect(weth?.share?.toString()).toBe('0.5');
  });

  it('never values a missing price as zero: the token is listed as unpriced', () => {
    const prices = new PriceBook();
    prices.apply(1, WETH, '3000', T0, 'test');
    const snapshot = valueExposure(balances, registry, prices);
    expect(snapshot.grossUsd.toString()).toBe('7500');
    expect(snapshot.unpriced).toEqual([{ chainId: 1, token: USDC, reason: 'no-price' }]);
    const usdc = snapshot.positions.find((p) => p.token === USDC);
    expect(usdc?.valueUsd).toBeNull();
    expect(usdc?.balance).toBe(-7_500_000_000n);
  });

  it('lists a token missing from the registry as unknown, even when priced', () => {
    const other = new UserBalances([{ chainId: 1, token: UNKNOWN, balance: 10n }]);
    const prices = new PriceBook();
    prices.apply(1, UNKNOWN, '5', T0, 'test');
    expect(valueExposure(other, registry, prices).unpriced).toEqual([{ chainId: 1, token: UNKNOWN, reason: 'unknown-token' }]);
  });
});

describe('PriceBook', () => {
  it('keeps the newest tick when ticks arrive out of order', () => {
    const prices = new PriceBook();
    expect(prices.apply(1, WETH, '3100', T0 + 10, 'a')).toBe(true);
    expect(prices.apply(1, WETH, '2900', T0, 'b')).toBe(false);
    expect(prices.get(1, WETH)?.priceUsd.toString()).toBe('3100');
  });
});

describe('MaxExposureRule', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  prices.apply(1, WETH, '3000', T0, 'test');
  const rule = new MaxExposureRule('max-exposure', '100000');

  it('stays quiet at exactly the limit and fires one wei above it', () => {
    const atLimit = new UserBalances([{ chainId: 1, token: WETH, balance: 33_333_333_333_333_333_334n }]);
    // 33.333333333333333334 WETH × 3000 = 100000.000000000000002 USD > 100000
    expect(rule.evaluate(valueExposure(atLimit, registry, prices))?.observed.toString()).toBe('100000.000000000000002');
    const below = new UserBalances([{ chainId: 1, token: WETH, balance: 33_333_333_333_333_333_333n }]);
    expect(rule.evaluate(valueExposure(below, registry, prices))).toBeNull();
  });

  it('measures shorts by their absolute value', () => {
    const short = new UserBalances([{ chainId: 1, token: WETH, balance: -40_000_000_000_000_000_000n }]);
    const breach = rule.evaluate(valueExposure(short, registry, prices));
    expect(breach?.observed.toString()).toBe('120000');
    expect(breach?.message).toBe('Gross exposure 120000.00 USD exceeds the limit of 100000.00 USD');
  });

  it('refuses a non-positive limit', () => {
    expect(() => new MaxExposureRule('bad', '0')).toThrow('limit must be a positive amount');
  });
});
