import { formatUsd } from '../../money/usd-amount';
import { PriceBook } from '../../prices/price-book';
import { TokenRegistry } from '../../tokens/token-registry';
import { valueExposure } from '../../exposure/value-exposure';
import { PositionBook } from '../position-book';
import { valueLedgerEntry } from '../value-ledger-entry';
import type { LedgerEntry } from '../ledger-entry';
const usd = (v: bigint | null | undefined) => (v == null ? v : formatUsd(v, 18));

const T0 = Date.UTC(2026, 0, 9, 18, 0, 0);
const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const ETH = 10n ** 18n;

/**
 * Sign convention: a fee is a positive amount paid on top of the swap. It leaves the fee token's position at
 * average cost and its USD value is an expense: realized PnL falls by the fee token's cost, `feesUsd` rises by its value.
 * By hand: 1 ETH held at cost 2,000, ETH now 2,500. Swap 1,000 USDC → 0.4 WETH paying 0.002 ETH gas (worth 5 USD) and
 * a 3 USDC protocol fee. Gas: disposal realizes 5 − 4 = +1, expense −5 → −4. USDC fee: cost 3, value 3 → −3.
 */
describe('scenario: gas in the native coin and a protocol fee in USDC', () => {
  const registry = TokenRegistry.withExtras([{ chainId: 1, address: NATIVE, symbol: 'ETH', decimals: 18, stablecoin: false }]);
  const prices = new PriceBook();
  const book = new PositionBook();
  const book$ = (entry: LedgerEntry) => book.apply(entry, valueLedgerEntry(entry, registry, prices));

  prices.apply(1, NATIVE, '2000', T0, 'test');
  prices.apply(1, USDC, '1', T0, 'test');
  book$({ kind: 'transfer', id: 'eth', chainId: 1, token: NATIVE, direction: 'in', amount: ETH, timestamp: T0 });
  book$({ kind: 'transfer', id: 'usd', chainId: 1, token: USDC, direction: 'in', amount: 2_000_000_000n, timestamp: T0 });
  prices.apply(1, NATIVE, '2500', T0 + 1, 'test');
  prices.apply(1, WETH, '2500', T0 + 1, 'test');
  const swap = book$({
    kind: 'swap', id: 'f1', chainId: 1, tokenIn: USDC, amountIn: 1_000_000_000n, tokenOut: WETH, amountOut: (4n * ETH) / 10n,
    fees: [{ token: NATIVE, amount: (2n * ETH) / 1000n }, { token: USDC, amount: 3_000_000n }], timestamp: T0 + 1,
  });

  it('reports the fees in USD and the trade PnL net of them', () => {
    expect(usd(swap.feesUsd)).toBe('8');
    expect(usd(swap.realizedPnlUsd)).toBe('-7');
  });

  it('lowers the fee tokens at average cost', () => {
    expect(book.get(1, NATIVE)?.quantity).toBe((998n * ETH) / 1000n);
    expect(usd(book.get(1, NATIVE)?.costUsd)).toBe('1996');
    expect(usd(book.get(1, NATIVE)?.feesUsd)).toBe('5');
    expect(book.get(1, USDC)?.quantity).toBe(997_000_000n);
    expect(usd(book.get(1, USDC)?.feesUsd)).toBe('3');
  });

  it('keeps the books balanced: value − contributed = realized + unrealized', () => {
    const snapshot = valueExposure(book, registry, prices);
    expect(usd(snapshot.feesUsd)).toBe('8');
    expect(usd(snapshot.realizedPnlUsd)).toBe('-7');
    // Contributed 2,000 (ETH at 2,000) + 2,000 USDC. Value now: 0.998 × 2,500 + 997 + 0.4 × 2,500 = 4,492.
    expect(usd(snapshot.grossUsd)).toBe('4492');
    expect(usd(snapshot.realizedPnlUsd + snapshot.unrealizedPnlUsd)).toBe('492');
  });
});
