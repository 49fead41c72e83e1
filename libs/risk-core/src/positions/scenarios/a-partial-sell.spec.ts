import { formatUsd, formatFixed } from '../../money/usd-amount';
import { PriceBook } from '../../prices/price-book';
import { TokenRegistry } from '../../tokens/token-registry';
import { valueExposure } from '../../exposure/value-exposure';
import { PositionBook } from '../position-book';
import { valueLedgerEntry } from '../value-ledger-entry';
import type { LedgerEntry } from '../ledger-entry';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));
const perToken = (v: bigint | null | undefined) => (v == null ? v : formatFixed(v, 36, 18));

const T0 = Date.UTC(2026, 0, 6, 9, 0, 0);
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const ETH = 10n ** 18n;
const USD = 10n ** 6n;

/**
 * Average cost by hand: buy 1 WETH at 2,000 and 1 WETH at 3,000 → 2 WETH costing 5,000 (average 2,500).
 * Sell 0.5 WETH at 3,500: proceeds 1,750, cost 0.5 × 2,500 = 1,250, realized +500.
 * Left: 1.5 WETH costing 3,750 (average still 2,500); at 3,500 worth 5,250, unrealized +1,500.
 */
describe('scenario: two buys at different prices, then a partial sell', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  const book = new PositionBook();
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));
  const swap = (id: string, tokenIn: string, amountIn: bigint, tokenOut: string, amountOut: bigint, t: number): LedgerEntry => ({
    kind: 'swap', id, chainId: 1, tokenIn, amountIn, tokenOut, amountOut, fees: [], timestamp: t,
  });

  prices.apply(1, USDC, '1', T0, 'test');
  book$({ kind: 'transfer', id: 'd', chainId: 1, token: USDC, direction: 'in', amount: 5_000n * USD, timestamp: T0 });
  prices.apply(1, WETH, '2000', T0 + 1, 'test');
  book$(swap('b1', USDC, 2_000n * USD, WETH, ETH, T0 + 1));
  prices.apply(1, WETH, '3000', T0 + 2, 'test');
  book$(swap('b2', USDC, 3_000n * USD, WETH, ETH, T0 + 2));
  prices.apply(1, WETH, '3500', T0 + 3, 'test');
  const sell = book$(swap('s1', WETH, ETH / 2n, USDC, 1_750n * USD, T0 + 3));

  it('realizes +500 on the half sold and counts as a closed trade', () => {
    expect(sell.closesPosition).toBe(true);
    expect(usd(sell.realizedPnlUsd)).toBe('500');
    expect(usd(sell.notionalUsd)).toBe('1750');
  });

  it('keeps 1.5 WETH at an unchanged average cost of 2,500', () => {
    const snapshot = valueExposure(book, registry, prices);
    const weth = snapshot.positions.find((p) => p.token === WETH);
    expect(weth?.balance).toBe((3n * ETH) / 2n);
    expect(usd(weth?.costUsd)).toBe('3750');
    expect(perToken(weth?.averageCost)).toBe('2500');
    expect(usd(weth?.unrealizedPnlUsd)).toBe('1500');
    expect(usd(snapshot.realizedPnlUsd)).toBe('500');
    // value 5,250 WETH + 1,750 USDC = 7,000 = 5,000 deposited + 500 realized + 1,500 unrealized.
    expect(usd(snapshot.grossUsd)).toBe('7000');
  });
});
