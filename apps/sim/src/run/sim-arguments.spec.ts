import { SimArgumentError, parseSimArguments } from './sim-arguments';

describe('parseSimArguments', () => {
  it('runs seed 1 once by default and reads every option in either spelling', () => {
    expect(parseSimArguments([])).toEqual({ seed: 1, count: 1, steps: undefined, bug: undefined, help: false });
    expect(parseSimArguments(['--seed', '42', '--count=3', '--steps', '10', '--bug', 'ledger-skips-idempotency'])).toEqual({
      seed: 42,
      count: 3,
      steps: 10,
      bug: 'ledger-skips-idempotency',
      help: false,
    });
  });

  it('refuses unknown options and malformed values, naming the argument', () => {
    expect(() => parseSimArguments(['--fast'])).toThrow(new SimArgumentError('--fast', 'is not an option of npm run sim'));
    expect(() => parseSimArguments(['--seed', '-1'])).toThrow('--seed: must be an integer of at least 0, got "-1"');
    expect(() => parseSimArguments(['--count', '0'])).toThrow('--count: must be an integer of at least 1, got "0"');
    expect(() => parseSimArguments(['--bug', 'nope'])).toThrow('--bug: must be one of ledger-skips-idempotency, risk-forgets-seen-events, got "nope"');
  });
});
