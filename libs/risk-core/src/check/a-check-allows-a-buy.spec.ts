import { valueExposure } from '../exposure/value-exposure';
import { formatUsd } from '../money/usd-amount';
import { PositionBook } from '../positions/position-book';
import { valueLedgerEntry } from '../positions/value-ledger-entry';
import { checkTrades } from './check-trades';
import { T0, USDC, WETH, checkInput, swap } from './check.fixture';

// Alice holds 120,000 USDC and asks about buying 10 WETH for 30,000 USDC at 3000 USD: gross stays 120,000 USD
// (90,000 USDC + 30,000 of WETH), under the 200,000 limit.
describe('a check of a 30,000 USDC → 10 WETH buy for a user holding 120,000 USDC', () => {
  const input = checkInput();
  const bookBefore = input.book.entries();
  const stateBefore = JSON.stringify(input.state.snapshot());
  const trade = swap('t1', USDC, 30_000n * 10n ** 6n, WETH, 10n * 10n ** 18n);
  const result = checkTrades({ ...input, trades: [trade] });

  it('values the book after the trade exactly as booking the trade would', () => {
    const booked = PositionBook.restore(bookBefore, { isCash: (c, t) => input.registry.get(c, t)?.stablecoin ?? false });
    booked.apply(trade, valueLedgerEntry(trade, input.registry, input.prices));
    const expected = valueExposure(booked, input.registry, input.prices);
    expect(result.snapshot).toEqual(expected);
    expect(result.update.grossExposureUsd).toBe('120000');
    expect(result.update.positions.map((p) => [p.token, p.balance, p.valueUsd])).toEqual([
      [USDC, '90000000000', '90000'],
      [WETH, '10000000000000000000', '30000'],
    ]);
    expect(formatUsd(result.outcomes[0]?.notionalUsd ?? 0n)).toBe('30000');
  });

  it('allows it: every rule ok, the user stays ACTIVE, nothing decided against it', () => {
    expect(result.verdict).toBe('allow');
    expect(result.decidedBy).toEqual([]);
    expect(result.currentState).toBe('ACTIVE');
    expect(result.recommendedState).toBe('ACTIVE');
    expect(result.rules.map((r) => [r.rule.id, r.levelBefore, r.status.level, r.status.observed?.toString() ?? null])).toEqual([
      ['max-exposure', 'ok', 'ok', '120000'],
      ['daily-loss', 'ok', 'ok', '0'],
    ]);
    expect(result.metrics.grossExposureUsd).toBe('120000');
    expect(result.metrics.tradeIds).toEqual(['t1']);
    expect(result.update.asOf).toBe(T0);
  });

  it('reports a buy of WETH as not reducing', () => {
    expect(result.reduces).toBe(false);
  });

  it('moves nothing it was given: the book and the risk state are as before', () => {
    expect(input.book.entries()).toEqual(bookBefore);
    // The state passed in is the caller's copy and is observed on; the book is copied inside.
    expect(JSON.stringify(input.state.snapshot())).not.toBe(stateBefore);
  });
});
