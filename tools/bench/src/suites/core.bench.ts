/**
 * `npm run bench:core`: the pure risk domain on one core — what the positions and risk services do per event.
 * Figures are per operation (each call timed on its own); results are kept in tools/bench/results/core.json.
 */
import { PositionBook, PriceBook, TokenRegistry, valueExposure, valueLedgerEntry, type LedgerEntry, type TokenInfo } from '@hyperdex/risk-core';
import { runSuite, type BenchCase } from '../index';

const TOKENS = 20;
const T0 = Date.UTC(2026, 10, 24);
const tokens: TokenInfo[] = Array.from({ length: TOKENS }, (_, i) => ({
  chainId: 1,
  address: `0x${(i + 1).toString(16).padStart(40, '0')}`,
  symbol: `TK${i}`,
  decimals: i % 3 === 0 ? 6 : 18,
  stablecoin: i < 3,
}));
const registry = new TokenRegistry(tokens);
const prices = new PriceBook();
tokens.forEach((t, i) => prices.apply(1, t.address, (1 + i * 37.5).toFixed(4), T0, 'bench'));

/** A user holding all 20 tokens, built by swaps so every position has a cost. */
function seededBook(): PositionBook {
  const book = new PositionBook();
  tokens.forEach((t, i) => {
    const entry: LedgerEntry = { kind: 'transfer', id: `seed-${i}`, chainId: 1, token: t.address, direction: 'in', amount: 10n ** BigInt(t.decimals + 4), timestamp: T0 };
    book.apply(entry, valueLedgerEntry(entry, registry, prices));
  });
  return book;
}

const swaps: LedgerEntry[] = Array.from({ length: 1024 }, (_, i) => {
  const a = tokens[i % TOKENS] as TokenInfo;
  const b = tokens[(i * 7 + 3) % TOKENS] as TokenInfo;
  const pair = a.address === b.address ? (tokens[(i + 1) % TOKENS] as TokenInfo) : b;
  return {
    kind: 'swap', id: `s-${i}`, chainId: 1, tokenIn: a.address, amountIn: 10n ** BigInt(a.decimals) * BigInt(1 + (i % 5)),
    tokenOut: pair.address, amountOut: 10n ** BigInt(pair.decimals) * BigInt(1 + (i % 3)),
    fees: i % 4 === 0 ? [{ token: a.address, amount: 10n ** BigInt(a.decimals - 3) }] : [], timestamp: T0 + i,
  };
});

const book = seededBook();
const valued = swaps.map((s) => valueLedgerEntry(s, registry, prices));
const cases: BenchCase[] = [
  {
    name: 'position update (swap, valued at stored prices)',
    iterations: 50_000,
    run: (i) => {
      const k = i & 1023;
      book.apply(swaps[k] as LedgerEntry, valued[k] as (typeof valued)[number]);
    },
    target: { p99Micros: 50 },
  },
  {
    name: 'position update incl. valuation at live prices',
    iterations: 50_000,
    run: (i) => {
      const s = swaps[i & 1023] as LedgerEntry;
      book.apply(s, valueLedgerEntry(s, registry, prices));
    },
    target: { p99Micros: 50 },
  },
  {
    name: `exposure snapshot (${TOKENS} tokens)`,
    iterations: 20_000,
    run: () => {
      valueExposure(book, registry, prices);
    },
    target: { p99Micros: 50 },
  },
];

// Sanity: the book is still consistent after the run (guards against a benchmark that measures a broken path).
const results = runSuite('core', cases);
const snapshot = valueExposure(book, registry, prices);
if (snapshot.positions.length === 0 || snapshot.grossUsd <= 0n) throw new Error('benchmark book went empty');
void results;
