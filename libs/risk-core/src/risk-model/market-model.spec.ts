import { parsePrice } from '../money/usd-amount';
import { MarketModel } from './market-model';

const BAR = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const A = '0x00000000000000000000000000000000000000a1';
const B = '0x00000000000000000000000000000000000000b2';

describe('MarketModel', () => {
  it('aligns two tokens by bar, carrying a quiet token forward, and estimates their covariance', () => {
    const market = new MarketModel({ barMs: BAR, historyPoints: 100, lambda: 0.94 });
    // A: 100, 110, 99 at bar closes 0..2; B ticks only at bar 0 (flat afterwards).
    market.observePrice(1, A, T0, parsePrice('100'));
    market.observePrice(1, B, T0 + 1, parsePrice('50'));
    market.observePrice(1, A, T0 + BAR, parsePrice('110'));
    market.observePrice(1, A, T0 + 2 * BAR, parsePrice('99'));
    market.observePrice(1, A, T0 + 3 * BAR, parsePrice('99'));
    const window = market.window([`1:${A}`, `1:${B}`]);
    expect(window.throughBar).toBe(Math.floor(T0 / BAR) + 2);
    expect(window.points).toBe(2);
    const tail = (c: Float64Array | undefined) => Array.from(c?.subarray(c.length - 2) ?? []).map((r) => Number(r.toFixed(12)));
    expect(tail(window.columns[0] as Float64Array)).toEqual([0.1, -0.1]);
    expect(tail(window.columns[1] as Float64Array)).toEqual([0, 0]);
    // EWMA (λ 0.94, normalised by 1 − λ²): var_A = (0.94·0.01 + 0.06·0.01)/(1 − 0.94²) ... both returns are ±0.1, so 0.01.
    expect(window.covariance?.[0]).toBeCloseTo(0.01, 12);
    expect(window.covariance?.[3]).toBe(0);
    expect(window.volatilities.get(`1:${A}`)).toBeCloseTo(0.1, 12);
  });

  it('has no window for a token it has never priced', () => {
    const market = new MarketModel({ barMs: BAR, historyPoints: 10, lambda: 0.94 });
    market.observePrice(1, A, T0, parsePrice('1'));
    market.observePrice(1, A, T0 + 5 * BAR, parsePrice('1'));
    const window = market.window([`1:${A}`, `1:${B}`]);
    expect(window.points).toBe(0);
    expect(window.covariance).toBeNull();
  });

  it('serves the same window until the next bar closes', () => {
    const market = new MarketModel({ barMs: BAR, historyPoints: 10, lambda: 0.94 });
    for (let i = 0; i < 4; i++) market.observePrice(1, A, T0 + i * BAR, parsePrice(String(100 + i)));
    const first = market.window([`1:${A}`]);
    expect(market.window([`1:${A}`])).toBe(first);
    market.observePrice(1, A, T0 + 4 * BAR, parsePrice('50'));
    expect(market.window([`1:${A}`])).not.toBe(first);
  });
});
