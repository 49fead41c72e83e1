import { formatUsd, formatFixed } from '../../money/usd-amount';
import { PriceBook } from '../../prices/price-book';
import { TokenRegistry } from '../../tokens/token-registry';
import { valueExposure } from '../../exposure/value-exposure';
import { PositionBook } from '../position-book';
import { valueLedgerEntry } from '../value-ledger-entry';
import type { LedgerEntry } from '../ledger-entry';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));
const perToken = (v: bigint | null | undefined) => (v == null ? v : formatFixed(v, 36, 18));

// Pinned clock: every timestamp below is fixed; nothing reads the wall clock.
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

describe('scenario: deposit 10,000 USDC, buy 2 WETH at 3,000, WETH rises to 3,300', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  const book = new PositionBook();
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));

  prices.apply(1, USDC, '1', T0, 'test');
  prices.apply(1, WETH, '3000', T0, 'test');
  const deposit = book$({ kind: 'transfer', id: 'd1', chainId: 1, token: USDC, direction: 'in', amount: 10_000_000_000n, timestamp: T0 });
  const buy = book$({
    kind: 'swap', id: 'b1', chainId: 1, tokenIn: USDC, amountIn: 6_000_000_000n, tokenOut: WETH,
    amountOut: 2_000_000_000_000_000_000n, fees: [], timestamp: T0 + 1_000,
  });

  it('the deposit opens USDC at cost 10,000 and realizes nothing', () => {
    expect(usd(deposit.realizedPnlUsd)).toBe('0');
    expect(deposit.closesPosition).toBe(false);
  });

  it('the buy is worth 6,000 USD, disposes of USDC at cost (no PnL) and opens WETH at 6,000', () => {
    expect(usd(buy.notionalUsd)).toBe('6000');
    expect(usd(buy.realizedPnlUsd)).toBe('0');
    expect(book.get(1, WETH)).toMatchObject({ quantity: 2_000_000_000_000_000_000n, costKnown: true });
    expect(usd(book.get(1, WETH)?.costUsd)).toBe('6000');
    expect(book.get(1, USDC)?.quantity).toBe(4_000_000_000n);
    expect(usd(book.get(1, USDC)?.costUsd)).toBe('4000');
  });

  it('at 3,300 WETH is worth 6,600: unrealized +600 at an average cost of 3,000', () => {
    prices.apply(1, WETH, '3300', T0 + 60_000, 'test');
    const snapshot = valueExposure(book, registry, prices);
    const weth = snapshot.positions.find((p) => p.token === WETH);
    expect(usd(weth?.valueUsd)).toBe('6600');
    expect(perToken(weth?.averageCost)).toBe('3000');
    expect(usd(weth?.unrealizedPnlUsd)).toBe('600');
    expect(usd(snapshot.grossUsd)).toBe('10600');
    expect(usd(snapshot.stablecoinUsd)).toBe('4000');
    expect(usd(snapshot.volatileUsd)).toBe('6600');
    expect(usd(snapshot.unrealizedPnlUsd)).toBe('600');
    expect(usd(snapshot.realizedPnlUsd)).toBe('0');
    expect(snapshot.pnlComplete).toBe(true);
    expect(snapshot.oldestPriceAt).toBe(T0);
  });
});

describe('scenario: buying with a stablecoin opens a position, selling for one closes it', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  const book = new PositionBook({ isCash: (chainId, token) => registry.get(chainId, token)?.stablecoin ?? false });
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));
  prices.apply(1, USDC, '1', T0, 'test');
  prices.apply(1, WETH, '3000', T0, 'test');
  book$({ kind: 'transfer', id: 'd', chainId: 1, token: USDC, direction: 'in', amount: 3_000_000_000n, timestamp: T0 });

  it('does not count the USDC spent as a closed trade', () => {
    const buy = book$({ kind: 'swap', id: 'b', chainId: 1, tokenIn: USDC, amountIn: 3_000_000_000n, tokenOut: WETH, amountOut: 10n ** 18n, fees: [], timestamp: T0 + 1 });
    expect(buy.closesPosition).toBe(false);
  });

  it('counts the sale of the WETH as one', () => {
    const sell = book$({ kind: 'swap', id: 's', chainId: 1, tokenIn: WETH, amountIn: 10n ** 18n, tokenOut: USDC, amountOut: 3_000_000_000n, fees: [], timestamp: T0 + 2 });
    expect(sell.closesPosition).toBe(true);
  });
});
