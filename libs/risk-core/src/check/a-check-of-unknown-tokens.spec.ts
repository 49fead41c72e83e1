import { PriceBook } from '../prices/price-book';
import { checkTrades } from './check-trades';
import { T0, UNKNOWN, USDC, WETH, checkInput, swap } from './check.fixture';

describe('a check of trades in tokens it cannot value', () => {
  it('denies a buy of a token without metadata, naming it and the trade, never a silent allow', () => {
    const result = checkTrades({ ...checkInput(), trades: [swap('odd', USDC, 1_000n * 10n ** 6n, UNKNOWN, 10n ** 18n)] });
    expect(result.unknown).toEqual([{ chainId: 1, token: UNKNOWN, reason: 'unknown-token', trades: [0] }]);
    expect(result.verdict).toBe('deny');
    expect(result.decidedBy).toEqual([{ kind: 'unknown', unknown: result.unknown[0] }]);
    // The figures still come back: the token is held, unvalued, and listed as unpriced.
    expect(result.update.unpriced).toEqual([{ chainId: 1, token: UNKNOWN, reason: 'unknown-token' }]);
  });

  it('denies a trade in a known token without a price as no-price', () => {
    const prices = new PriceBook();
    prices.apply(1, USDC, '1', T0, 'test');
    const result = checkTrades({ ...checkInput({ prices }), trades: [swap('buy', USDC, 1_000n * 10n ** 6n, WETH, 10n ** 18n)] });
    expect(result.unknown).toEqual([{ chainId: 1, token: WETH, reason: 'no-price', trades: [0] }]);
    expect(result.verdict).toBe('deny');
  });
});
