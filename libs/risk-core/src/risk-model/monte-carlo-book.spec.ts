import { Usd } from '../money/usd';
import { parsePrice } from '../money/usd-amount';
import { monteCarloBookOf } from './monte-carlo-book';
import { MarketModel } from './market-model';

const BAR = 60_000;
const T0 = Date.UTC(2026, 2, 1);
const WETH = '1:0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '1:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

describe('monteCarloBookOf', () => {
  const market = new MarketModel({ barMs: BAR, historyPoints: 500, lambda: 0.94 });
  ['3000', '3060', '2998.8', '3058.776'].forEach((p, i) => {
    market.observePrice(1, WETH.slice(2), T0 + i * BAR, parsePrice(p));
    market.observePrice(1, USDC.slice(2), T0 + i * BAR, parsePrice('1'));
  });
  market.observePrice(1, WETH.slice(2), T0 + 4 * BAR, parsePrice('3058.776'));

  it('takes the priced, non-zero positions in book order with the covariance of their returns', () => {
    const book = monteCarloBookOf(
      [
        { key: WETH, valueUsd: new Usd('10000'), stablecoin: false },
        { key: '1:0x1111111111111111111111111111111111111111', valueUsd: null, stablecoin: false },
        { key: USDC, valueUsd: new Usd('-5000.5'), stablecoin: true },
        { key: '1:0x2222222222222222222222222222222222222222', valueUsd: new Usd(0), stablecoin: false },
      ],
      market,
    );
    expect(book?.tokens).toBe(2);
    expect(Array.from(book?.values ?? [])).toEqual([10000, -5000.5]);
    const window = market.window([WETH, USDC]);
    expect(Array.from(book?.covariance ?? [])).toEqual(Array.from(window.covariance ?? []));
    // A copy: the market's cached matrix is not shared with a run that may still be queued.
    expect(book?.covariance).not.toBe(window.covariance);
  });

  it('is null without priced positions or before the market has a covariance', () => {
    expect(monteCarloBookOf([{ key: WETH, valueUsd: null, stablecoin: false }], market)).toBeNull();
    const young = new MarketModel({ barMs: BAR, historyPoints: 500, lambda: 0.94 });
    young.observePrice(1, WETH.slice(2), T0, parsePrice('3000'));
    expect(monteCarloBookOf([{ key: WETH, valueUsd: new Usd('10'), stablecoin: false }], young)).toBeNull();
  });
});
