import { formatUsd } from '../../money/usd-amount';
import { PriceBook } from '../../prices/price-book';
import { TokenRegistry } from '../../tokens/token-registry';
import { valueExposure } from '../../exposure/value-exposure';
import { PositionBook } from '../position-book';
import { valueLedgerEntry } from '../value-ledger-entry';
import type { LedgerEntry } from '../ledger-entry';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));

const T0 = Date.UTC(2026, 0, 7, 15, 30, 0);
const WBTC = '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/** Buy 0.1 WBTC for 9,000 USDC, sell all of it for 8,400: a closed round trip losing 600, nothing left open. */
describe('scenario: a losing round trip closes the position completely', () => {
  const registry = new TokenRegistry();
  const prices = new PriceBook();
  const book = new PositionBook();
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));

  prices.apply(1, USDC, '1', T0, 'test');
  prices.apply(1, WBTC, '90000', T0, 'test');
  book$({ kind: 'transfer', id: 'd', chainId: 1, token: USDC, direction: 'in', amount: 9_000_000_000n, timestamp: T0 });
  book$({ kind: 'swap', id: 'buy', chainId: 1, tokenIn: USDC, amountIn: 9_000_000_000n, tokenOut: WBTC, amountOut: 10_000_000n, fees: [], timestamp: T0 + 1 });
  prices.apply(1, WBTC, '84000', T0 + 2, 'test');
  const sell = book$({ kind: 'swap', id: 'sell', chainId: 1, tokenIn: WBTC, amountIn: 10_000_000n, tokenOut: USDC, amountOut: 8_400_000_000n, fees: [], timestamp: T0 + 2 });

  it('realizes −600 on the sale', () => {
    expect(sell.closesPosition).toBe(true);
    expect(usd(sell.realizedPnlUsd)).toBe('-600');
  });

  it('leaves WBTC at zero quantity and zero cost, its loss kept in realized PnL', () => {
    expect(book.get(1, WBTC)).toMatchObject({ quantity: 0n, costKnown: true });
    expect(usd(book.get(1, WBTC)?.costUsd)).toBe('0');
    const snapshot = valueExposure(book, registry, prices);
    expect(snapshot.positions.map((p) => p.token)).toEqual([USDC]);
    expect(usd(snapshot.realizedPnlUsd)).toBe('-600');
    expect(usd(snapshot.unrealizedPnlUsd)).toBe('0');
    expect(usd(snapshot.grossUsd)).toBe('8400');
  });
});
