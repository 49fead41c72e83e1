import { Usd } from '../money/usd';
import { parsePrice, parseUsd } from '../money/usd-amount';
import { historicalVaR } from '../metrics/historical-var';
import { UserRiskState } from '../user-risk/user-risk-state';
import { assessUserRisk } from './assess-user-risk';
import { MarketModel } from './market-model';

const BAR = 60_000;
const T0 = Date.UTC(2026, 2, 1);
const WETH = '1:0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '1:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const wethPath = ['3000', '3060', '2998.8', '3058.776', '2905.8372', '2963.953944'];

describe('assessUserRisk: 10,000 USD of WETH and 5,000 USDC over five one-minute bars', () => {
  const market = new MarketModel({ barMs: BAR, historyPoints: 500, lambda: 0.94 });
  wethPath.forEach((p, i) => {
    market.observePrice(1, WETH.slice(2), T0 + i * BAR, parsePrice(p));
    market.observePrice(1, USDC.slice(2), T0 + i * BAR, parsePrice('1'));
  });
  market.observePrice(1, WETH.slice(2), T0 + wethPath.length * BAR, parsePrice('2963.953944'));
  const state = UserRiskState.create({ tradeWindow: 100, barMs: BAR, window: 500, riskFreeRate: 0 });
  state.observe({ asOf: T0, pnlUsd: 0n, grossUsd: parseUsd('15000'), closedTrade: { realizedPnlUsd: parseUsd('-40'), notionalUsd: parseUsd('2000') } });
  const assessment = assessUserRisk({
    asOf: T0 + wethPath.length * BAR,
    positions: [
      { key: WETH, valueUsd: new Usd('10000'), stablecoin: false },
      { key: USDC, valueUsd: new Usd('5000'), stablecoin: true },
      { key: '1:0x1111111111111111111111111111111111111111', valueUsd: null, stablecoin: false },
    ],
    grossUsd: new Usd('15000'),
    oldestPriceAt: T0,
    state,
    market,
    scenarios: [{ kind: 'volatile-shock', shockPct: -30 }, { kind: 'stablecoin-depeg', depegPct: 5, id: 'depeg' }],
    monteCarlo: { paths: 2000, seed: 7 },
  });

  it('re-prices the book on the WETH returns +2%, −2%, +2%, −5%, +2% for historical VaR', () => {
    expect(assessment.returnPoints).toBe(5);
    // The book's P&L per bar is 10,000 × r (USDC is flat); historical VaR in USD = 10,000 × VaR of the returns.
    const expected = 10_000 * (historicalVaR([0.02, -0.02, 0.02, -0.05, 0.02], 0.95) ?? Number.NaN);
    expect(assessment.historical?.var95Usd.toNumber()).toBeCloseTo(expected, 6);
    expect(assessment.historical?.var99Usd.gte(assessment.historical.var95Usd)).toBe(true);
  });

  it('fills parametric and Monte Carlo figures from the EWMA covariance', () => {
    expect(assessment.parametric?.var99Usd.gt(assessment.parametric.var95Usd)).toBe(true);
    expect(assessment.monteCarlo?.var95Usd.gt(0)).toBe(true);
  });

  it('measures concentration over priced positions only: 2/3 in WETH, HHI 5/9', () => {
    expect(assessment.largestShare?.toDecimalPlaces(12).toString()).toBe('0.666666666667');
    expect(assessment.herfindahl?.toDecimalPlaces(12).toString()).toBe('0.555555555556');
  });

  it('runs the stress scenarios on priced positions', () => {
    expect(assessment.stress).toEqual([
      { scenarioId: 'volatile-shock:-30', lossUsd: new Usd('3000') },
      { scenarioId: 'depeg', lossUsd: new Usd('250') },
    ]);
  });

  it('reports the user state: one losing closed trade, no equity history yet', () => {
    expect(assessment.closedTrades).toBe(1);
    expect(assessment.consecutiveLosses).toBe(1);
    expect(assessment.averageTradeSizeUsd?.toString()).toBe('2000');
    expect(assessment.equityPoints).toBe(0);
    expect(assessment.oldestPriceAt).toBe(T0);
  });
});
