import { isMonteCarloDue, newMonteCarloTracking } from './monte-carlo-due';

describe('isMonteCarloDue', () => {
  it('is due for a book that never had a run, and not while a run is in flight', () => {
    const tracking = newMonteCarloTracking();
    expect(isMonteCarloDue(tracking, 1_000, 60_000)).toBe(true);
    tracking.pending = true;
    expect(isMonteCarloDue(tracking, 1_000, 60_000)).toBe(false);
  });

  it('on the same book, is due again only after the interval', () => {
    const tracking = { ...newMonteCarloTracking(), requestedForBook: 0, requestedAt: 1_000 };
    expect(isMonteCarloDue(tracking, 60_999, 60_000)).toBe(false);
    expect(isMonteCarloDue(tracking, 61_000, 60_000)).toBe(true);
  });

  it('is due at once when the holdings changed since the last run', () => {
    const tracking = { ...newMonteCarloTracking(), requestedForBook: 0, requestedAt: 1_000, bookVersion: 1 };
    expect(isMonteCarloDue(tracking, 1_001, 60_000)).toBe(true);
  });
});
