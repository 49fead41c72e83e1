import { formatUsd } from '../../money/usd-amount';
import { PriceBook } from '../../prices/price-book';
import { TokenRegistry } from '../../tokens/token-registry';
import { valueExposure } from '../../exposure/value-exposure';
import { PositionBook } from '../position-book';
import { valueLedgerEntry } from '../value-ledger-entry';
import type { LedgerEntry } from '../ledger-entry';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));

const T0 = Date.UTC(2026, 0, 8, 0, 0, 0);
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const PEPE = '0x6982508145454ce325ddbe47a25d4ec3d2311933';
const MYSTERY = '0x1111111111111111111111111111111111111111';

describe('scenario: a missing price never becomes a silent zero', () => {
  const registry = TokenRegistry.withExtras([{ chainId: 1, address: PEPE, symbol: 'PEPE', decimals: 18, stablecoin: false }]);
  const prices = new PriceBook();
  const book = new PositionBook();
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));

  it('values a swap from the priced side when the other has no price', () => {
    prices.apply(1, USDC, '1', T0, 'test');
    const buy = book$({ kind: 'swap', id: 'p1', chainId: 1, tokenIn: USDC, amountIn: 500_000_000n, tokenOut: PEPE, amountOut: 10n ** 26n, fees: [], timestamp: T0 });
    expect(usd(buy.notionalUsd)).toBe('500');
    expect(usd(book.get(1, PEPE)?.costUsd)).toBe('500');
  });

  it('lists PEPE as unpriced: balance kept, value and unrealized PnL null, PnL marked incomplete', () => {
    const snapshot = valueExposure(book, registry, prices);
    const pepe = snapshot.positions.find((p) => p.token === PEPE);
    expect(pepe?.balance).toBe(10n ** 26n);
    expect(pepe?.valueUsd).toBeNull();
    expect(pepe?.unrealizedPnlUsd).toBeNull();
    expect(usd(pepe?.costUsd)).toBe('500');
    expect(snapshot.unpriced).toEqual([{ chainId: 1, token: PEPE, reason: 'no-price' }]);
    expect(snapshot.pnlComplete).toBe(false);
  });

  it('books a swap between two unpriced tokens with unknown cost and unknown PnL', () => {
    const swap = book$({ kind: 'swap', id: 'p2', chainId: 1, tokenIn: PEPE, amountIn: 10n ** 25n, tokenOut: MYSTERY, amountOut: 42n, fees: [], timestamp: T0 + 1 });
    expect(swap.notionalUsd).toBeNull();
    expect(swap.realizedPnlUsd).toBeNull();
    expect(book.get(1, PEPE)?.quantity).toBe(9n * 10n ** 25n);
    expect(usd(book.get(1, PEPE)?.costUsd)).toBe('450');
    expect(book.get(1, PEPE)?.unvaluedEvents).toBe(1);
    expect(book.get(1, MYSTERY)).toMatchObject({ quantity: 42n, costKnown: false });
    const snapshot = valueExposure(book, registry, prices);
    expect(snapshot.unpriced).toContainEqual({ chainId: 1, token: MYSTERY, reason: 'unknown-token' });
    expect(snapshot.positions.find((p) => p.token === MYSTERY)?.costUsd).toBeNull();
  });

  it('prices PEPE later: its unrealized PnL appears, the earlier unvalued disposal keeps PnL incomplete', () => {
    prices.apply(1, PEPE, '0.000006', T0 + 2, 'test');
    const snapshot = valueExposure(book, registry, prices);
    const pepe = snapshot.positions.find((p) => p.token === PEPE);
    expect(usd(pepe?.valueUsd)).toBe('540');
    expect(usd(pepe?.unrealizedPnlUsd)).toBe('90');
    expect(snapshot.pnlComplete).toBe(false);
  });
});
