import { parseUsd } from '../money/usd-amount';
import { DailyPnl } from './daily-pnl';
import { EquityIndex } from './equity-index';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 0, 1);

/**
 * By hand, capital 1,000 at risk and bar closes of PnL 0, 0, +100, +50, +150, −50 (the first bar opens and closes at 0):
 * returns 0, 0.1, −0.05, 0.1, −0.2; index 1, 1.1, 1.045, 1.1495, 0.9196; peak 1.1495, drawdown 1 − 0.9196/1.1495 = 0.2.
 * Mean −0.01, sample std √(0.062/4) = 0.1244990, Sharpe (one bar per year, rf 0) = −0.0803219.
 * Downside deviation √((0.05² + 0.2²)/5) = 0.0921954, Sortino = −0.1084652.
 */
describe('EquityIndex', () => {
  const equity = new EquityIndex({ barMs: YEAR_MS, window: 500, riskFreeRate: 0 });
  const capital = parseUsd('1000');
  // Each update opens the next bar and so closes the previous one at the last PnL seen in it.
  ['0', '100', '50', '150', '-50', '-50'].forEach((pnl, bar) => equity.update(T0 + bar * YEAR_MS, parseUsd(pnl), capital));

  it('compounds bar returns into an index and measures its drawdown', () => {
    expect(equity.points).toBe(5);
    expect(equity.barReturns().map((r) => Number(r.toFixed(12)))).toEqual([0, 0.1, -0.05, 0.1, -0.2]);
    expect(equity.currentDrawdown).toBeCloseTo(0.2, 12);
    expect(equity.maxDrawdown).toBeCloseTo(0.2, 12);
  });

  it('computes Sharpe (sample std) and Sortino (downside deviation over all periods) as empyrical defines them', () => {
    expect(equity.sharpe).toBeCloseTo(-0.0803219, 6);
    expect(equity.sortino).toBeCloseTo(-0.1084652, 6);
  });

  it('measures the drawdown within a look-back of bars', () => {
    // The last two bars: +10% then −20% → peak 1.1, trough 0.88: a 20% drawdown; the last bar alone: 20%.
    expect(equity.maxDrawdownOverLast(2)).toBeCloseTo(0.2, 12);
    // Bars 2..3 only: −5% then +10%: the fall is 5%.
    const early = new EquityIndex({ barMs: YEAR_MS, window: 500, riskFreeRate: 0 });
    ['0', '0', '100', '50', '150'].forEach((pnl, bar) => early.update(T0 + bar * YEAR_MS, parseUsd(pnl), capital));
    expect(early.maxDrawdownOverLast(2)).toBeCloseTo(0.05, 12);
  });

  it('keeps only the last `window` returns in the ratios', () => {
    const short = new EquityIndex({ barMs: YEAR_MS, window: 2, riskFreeRate: 0 });
    ['0', '100', '50', '150', '-50', '-50'].forEach((pnl, bar) => short.update(T0 + bar * YEAR_MS, parseUsd(pnl), capital));
    expect(short.barReturns().map((r) => Number(r.toFixed(12)))).toEqual([0.1, -0.2]);
    // Mean −0.05, std √((0.15² + 0.15²)/1) = 0.2121320: Sharpe −0.2357023.
    expect(short.sharpe).toBeCloseTo(-0.2357023, 6);
    // The drawdown is of the whole curve, not the window.
    expect(short.maxDrawdown).toBeCloseTo(0.2, 12);
  });

  it('restored in the middle of a bar, closes that bar at the last PnL seen before the snapshot', () => {
    // Found by the deterministic simulation: a restart between two updates of one bar closed it at its opening PnL.
    const bar = { barMs: 60_000, window: 10, riskFreeRate: 0 };
    const live = new EquityIndex(bar);
    live.update(T0, parseUsd('0'), capital);
    live.update(T0 + 10_000, parseUsd('100'), capital);
    const restored = EquityIndex.restore(JSON.parse(JSON.stringify(live.snapshot())));
    for (const e of [live, restored]) e.update(T0 + 60_000, parseUsd('100'), capital);
    expect(restored.snapshot()).toEqual(live.snapshot());
    expect(restored.barReturns()).toEqual([0.1]);
  });

  it('survives a snapshot and restore unchanged', () => {
    const restored = EquityIndex.restore(JSON.parse(JSON.stringify(equity.snapshot())));
    expect(restored.snapshot()).toEqual(equity.snapshot());
    expect(restored.maxDrawdown).toBeCloseTo(0.2, 12);
  });

  it('has no figures before capital is at risk', () => {
    const idle = new EquityIndex({ barMs: 60_000, window: 10, riskFreeRate: 0 });
    expect(idle.currentDrawdown).toBeNull();
    expect(idle.sharpe).toBeNull();
    idle.update(T0, 0n, 0n);
    idle.update(T0 + 60_000, 0n, 0n);
    expect(idle.points).toBe(0);
  });
});

describe('DailyPnl', () => {
  it('measures from the first update of each UTC day', () => {
    const daily = new DailyPnl();
    daily.update(Date.UTC(2026, 0, 1, 10), parseUsd('100'));
    expect(daily.valueUsd).toBe(parseUsd('100'));
    daily.update(Date.UTC(2026, 0, 1, 23, 59), parseUsd('140'));
    daily.update(Date.UTC(2026, 0, 2, 0, 1), parseUsd('90'));
    expect(daily.valueUsd).toBe(parseUsd('-50'));
    expect(DailyPnl.restore(daily.snapshot()).valueUsd).toBe(parseUsd('-50'));
  });
});
