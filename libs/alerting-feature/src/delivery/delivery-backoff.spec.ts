import { retryDelayMs } from './delivery-backoff';

describe('retry backoff', () => {
  it('doubles per attempt up to the cap, between half and all of the ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, 10_000, () => 0))).toEqual([500, 1000, 2000, 4000, 5000]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000, 10_000, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it('spreads retries of the same attempt (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(4000);
  });
});
