import { Usd } from '../money/usd';
import { parsePrice } from '../money/usd-amount';
import { PriceHistory, alignReturns } from './price-history';

const MINUTE = 60_000;

describe('PriceHistory', () => {
  it('turns ticks into bar closes and simple returns, carrying prices over empty bars', () => {
    const history = new PriceHistory({ barIntervalMs: MINUTE, capacity: 10, maxCarriedBars: 2 });
    expect(history.record(0, '100')).toBe(0);
    expect(history.record(30_000, new Usd(101))).toBe(0); // same bar: close moves to 101
    expect(history.record(MINUTE + 1, parsePrice('110'))).toBe(1); // bar 0 closes at 101
    expect(history.record(4 * MINUTE, '99')).toBe(3); // bars 1 (110), 2 and 3 (carried 110) close
    expect(history.lastClosedBarIndex).toBe(3);
    const out = new Float64Array(5);
    const points = history.returnsInto(out, 3);
    expect(points).toBe(3);
    [110 / 101 - 1, 0, 0].forEach((r, k) => expect(out[2 + k]).toBeCloseTo(r, 15));
    expect(history.lastTickAt).toBe(4 * MINUTE);
  });

  it('restarts rather than carry a price over more than maxCarriedBars silent bars', () => {
    const history = new PriceHistory({ barIntervalMs: MINUTE, capacity: 10, maxCarriedBars: 2 });
    history.record(0, '100');
    history.record(MINUTE, '101');
    history.closeThrough(3); // bars 2 and 3 carried: still within the limit
    expect(history.closedBars).toBe(4);
    expect(history.closeThrough(4)).toBe(0); // a third silent bar: the history is dropped
    expect(history.closedBars).toBe(0);
    expect(history.lastClosedBarIndex).toBeNull();
    expect(history.restarts).toBe(1);
    // The next tick starts afresh: no invented zero returns before it.
    expect(history.record(7 * MINUTE, '90')).toBe(0);
    expect(history.record(8 * MINUTE, '99')).toBe(1);
    const out = new Float64Array(3);
    expect(history.returnsInto(out, 7)).toBe(0);
    expect(history.record(9 * MINUTE, '99')).toBe(1);
    expect(history.returnsInto(out, 8)).toBe(1);
    expect(out[2]).toBeCloseTo(99 / 90 - 1, 15);
  });

  it('restarts when a tick arrives after a long gap (an old receipt, then today)', () => {
    const history = new PriceHistory({ barIntervalMs: MINUTE, capacity: 500 }); // default limit: 50 bars
    history.record(Date.UTC(2021, 7, 12), '3121.95266');
    history.record(Date.UTC(2026, 10, 24), '3000');
    history.record(Date.UTC(2026, 10, 24) + MINUTE, '3030');
    expect(history.restarts).toBe(0); // nothing had closed yet: nothing was dropped
    expect(history.closedBars).toBe(1);
    expect(history.returnsAvailableThrough(history.lastClosedBarIndex ?? 0)).toBe(0);
  });

  it('ignores late ticks and rejects bad prices', () => {
    const history = new PriceHistory({ barIntervalMs: MINUTE, capacity: 4 });
    history.record(5 * MINUTE, '10');
    expect(history.record(MINUTE, '11')).toBe(0);
    expect(history.lateTicks).toBe(1);
    expect(() => history.record(6 * MINUTE, '0')).toThrow('price');
    expect(() => history.record(6 * MINUTE, 'abc')).toThrow('price');
    expect(() => history.returnsInto(new Float64Array(2), 9)).toThrow('not closed');
  });

  it('keeps only `capacity` closes', () => {
    const history = new PriceHistory({ barIntervalMs: 1000, capacity: 3 });
    for (let bar = 0; bar < 10; bar++) history.record(bar * 1000, String(100 + bar));
    history.closeThrough(9);
    expect(history.closedBars).toBe(3);
    const out = new Float64Array(10);
    expect(history.returnsInto(out, 9)).toBe(2);
    expect(out[9]).toBeCloseTo(109 / 108 - 1, 15);
  });

  it('aligns tokens by bar index, limited by the shortest history', () => {
    const a = new PriceHistory({ barIntervalMs: 1000, capacity: 20 });
    const b = new PriceHistory({ barIntervalMs: 1000, capacity: 20 });
    for (let bar = 0; bar < 6; bar++) a.record(bar * 1000, String(100 + bar));
    for (let bar = 3; bar < 6; bar++) b.record(bar * 1000 + 500, String(50 * (bar - 2)));
    a.closeThrough(5);
    b.closeThrough(5);
    const columns = [new Float64Array(4), new Float64Array(4)];
    expect(alignReturns([a, b], 5, columns, 10)).toBe(2);
    expect(columns[0]?.[3]).toBeCloseTo(105 / 104 - 1, 15);
    expect(columns[1]?.[3]).toBeCloseTo(150 / 100 - 1, 15);
    expect(columns[1]?.[2]).toBeCloseTo(100 / 50 - 1, 15);
  });
});
