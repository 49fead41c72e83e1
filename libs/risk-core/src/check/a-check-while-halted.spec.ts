import { parseUsd } from '../money/usd-amount';
import { checkTrades } from './check-trades';
import { USDC, WETH, checkInput, swap } from './check.fixture';

// Alice's daily loss limit fired this morning (HALTED, manual reset) and nobody has acknowledged it.
describe('a check for a user halted by a manual-reset breach', () => {
  const input = checkInput({}, [{ ruleId: 'daily-loss', state: { level: 'breach', since: 0, lastWarningAlertAt: null, lastBreachAlertAt: 0, awaitingAcknowledgement: true, sequence: 1 } }]);
  input.book.apply(swap('bought', USDC, 30_000n * 10n ** 6n, WETH, 10n * 10n ** 18n), { valueUsd: parseUsd('30000'), feesUsd: [] });

  it('denies even a reducing sale: HALTED allows no trade until someone acknowledges', () => {
    const result = checkTrades({ ...input, trades: [swap('sell', WETH, 10n ** 18n, USDC, 3_000n * 10n ** 6n)] });
    expect(result.reduces).toBe(true);
    expect(result.currentState).toBe('HALTED');
    expect(result.recommendedState).toBe('HALTED');
    expect(result.verdict).toBe('deny');
    expect(result.decidedBy.map((d) => (d.kind === 'rule' ? [d.rule.id, d.rule.action] : d.kind))).toEqual([['daily-loss', 'HALTED']]);
  });
});
