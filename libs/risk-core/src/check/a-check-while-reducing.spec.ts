import { parseUsd } from '../money/usd-amount';
import { checkTrades } from './check-trades';
import { T0, USDC, WETH, breachOf, checkInput, swap } from './check.fixture';

// Alice holds 40 WETH (120,000 USD at 3000) and is already in breach of a 100,000 USD exposure limit (REDUCING).
describe('a check for a user the exposure limit holds to REDUCING', () => {
  const base = checkInput({}, [{ ruleId: 'max-exposure', state: breachOf() }], '100000');
  base.book.apply(swap('bought', USDC, 120_000n * 10n ** 6n, WETH, 40n * 10n ** 18n), { valueUsd: parseUsd('120000'), feesUsd: [] });

  it('answers reduce-only for a sale of 5 WETH into USDC: the book shrinks but stays over the limit', () => {
    const result = checkTrades({ ...base, trades: [swap('sell-5', WETH, 5n * 10n ** 18n, USDC, 15_000n * 10n ** 6n)] });
    // Gross = 35 WETH × 3000 + 15,000 USDC = 120,000: still in breach.
    expect(result.update.grossExposureUsd).toBe('120000');
    expect(result.reduces).toBe(true);
    expect(result.currentState).toBe('REDUCING');
    expect(result.recommendedState).toBe('REDUCING');
    expect(result.verdict).toBe('reduce-only');
    expect(result.decidedBy.map((d) => (d.kind === 'rule' ? d.rule.id : d.kind))).toEqual(['max-exposure']);
  });

  it('denies a further buy of WETH, naming the rule', () => {
    const result = checkTrades({ ...checkInput({ book: base.book }, [{ ruleId: 'max-exposure', state: breachOf() }], '100000'), trades: [swap('buy-more', USDC, 3_000n * 10n ** 6n, WETH, 10n ** 18n)] });
    expect(result.reduces).toBe(false);
    expect(result.verdict).toBe('deny');
    expect(result.decidedBy.map((d) => (d.kind === 'rule' ? d.rule.id : d.kind))).toEqual(['max-exposure']);
  });

  it('allows a sale that brings gross below the limit less its hysteresis: the breach clears', () => {
    // WETH falls to 2000: 40 WETH are 80,000 USD, below 95,000 (the limit less its 5% hysteresis). The fall is also
    // a 40,000 USD loss today, which the daily loss limit would halt; this scenario is about exposure alone.
    const cheaper = checkInput({ book: base.book }, [{ ruleId: 'max-exposure', state: breachOf() }], '100000');
    cheaper.prices.apply(1, WETH, '2000', T0 - 500, 'test');
    const result = checkTrades({ ...cheaper, rules: cheaper.rules.filter((r) => r.id === 'max-exposure'), trades: [swap('sell-1', WETH, 10n ** 18n, USDC, 2_000n * 10n ** 6n)] });
    expect(result.update.grossExposureUsd).toBe('80000');
    expect(result.recommendedState).toBe('ACTIVE');
    expect(result.verdict).toBe('allow');
    expect(result.rules.find((r) => r.rule.id === 'max-exposure')?.levelBefore).toBe('breach');
  });
});
