import { KeyRateLimiter, keyRates } from './key-rate-limiter';

describe('KeyRateLimiter', () => {
  const limiter = () => new KeyRateLimiter(keyRates(10, new Map([['slow-key', 2], ['free-key', 0]])));

  it('admits a burst of one second of the key\'s rate, then refuses with the wait until the next token', () => {
    const l = limiter();
    const decisions = Array.from({ length: 11 }, () => l.take('some-key', 1_000));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions[10]).toEqual({ allowed: false, retryAfterMs: 100 });
    // 100 ms later one token has come back, and only one.
    expect(l.take('some-key', 1_100)).toEqual({ allowed: true });
    expect(l.take('some-key', 1_100)).toEqual({ allowed: false, retryAfterMs: 100 });
  });

  it('keeps each key\'s budget apart, honours per-key rates, and 0 as unlimited', () => {
    const l = limiter();
    for (let i = 0; i < 50; i++) l.take('flooder', 0);
    expect(l.take('other-key', 0)).toEqual({ allowed: true });
    expect([l.take('slow-key', 0), l.take('slow-key', 0), l.take('slow-key', 0)]).toEqual([{ allowed: true }, { allowed: true }, { allowed: false, retryAfterMs: 500 }]);
    expect(Array.from({ length: 1_000 }, () => l.take('free-key', 0)).every((d) => d.allowed)).toBe(true);
  });

  it('never banks more than one second of tokens while idle', () => {
    const l = limiter();
    l.take('idle-key', 0);
    const after = Array.from({ length: 12 }, () => l.take('idle-key', 3_600_000));
    expect(after.filter((d) => d.allowed)).toHaveLength(10);
  });
});
