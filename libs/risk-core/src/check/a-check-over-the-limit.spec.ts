import { checkTrades } from './check-trades';
import { USDC, WETH, checkInput, swap } from './check.fixture';

// Alice holds 120,000 USDC under a 150,000 USD exposure limit. She asks about two trades in order: 40 WETH for all
// her 120,000 USDC, then 10 more WETH for 30,000 USDC she does not have (a USDC short). Gross = 50 × 3000 + 30,000.
describe('a check that would take the user over the exposure limit', () => {
  const input = checkInput({}, [], '150000');
  const result = checkTrades({
    ...input,
    trades: [swap('all-in', USDC, 120_000n * 10n ** 6n, WETH, 40n * 10n ** 18n), swap('on-credit', USDC, 30_000n * 10n ** 6n, WETH, 10n * 10n ** 18n)],
  });

  it('values the two trades in order: 50 WETH long, 30,000 USDC short, gross 180,000 USD', () => {
    expect(result.update.grossExposureUsd).toBe('180000');
    expect(result.update.netExposureUsd).toBe('120000');
    expect(result.outcomes.map((o) => o.id)).toEqual(['all-in', 'on-credit']);
  });

  it('denies them: max-exposure would breach (180,000 > 150,000) and recommend REDUCING, and the trades do not reduce', () => {
    expect(result.currentState).toBe('ACTIVE');
    expect(result.recommendedState).toBe('REDUCING');
    expect(result.reduces).toBe(false);
    expect(result.verdict).toBe('deny');
    expect(result.decidedBy.map((d) => (d.kind === 'rule' ? [d.rule.id, d.status.level, d.status.observed?.toString()] : d.kind))).toEqual([
      ['max-exposure', 'breach', '180000'],
    ]);
  });
});
