import { recordBytes, sizeBoundedSends } from './size-bounded-sends';

const record = (key: string, valueBytes: number) => ({ key, value: Buffer.alloc(valueBytes, 120), headers: { 'content-type': 'application/json' } });

describe('sizeBoundedSends', () => {
  it('keeps records in order in sends that stay within the budget', () => {
    const records = [record('a', 400), record('b', 400), record('c', 400), record('d', 100)];
    const budget = recordBytes(records[0] as (typeof records)[number]) * 2;
    const sends = sizeBoundedSends(records, budget);
    expect(sends.map((s) => s.map((r) => r.key))).toEqual([['a', 'b'], ['c', 'd']]);
    for (const send of sends) expect(send.reduce((n, r) => n + recordBytes(r), 0)).toBeLessThanOrEqual(budget);
  });

  it('sends a record heavier than the budget alone, and nothing for no records', () => {
    const sends = sizeBoundedSends([record('small', 10), record('huge', 5_000), record('next', 10)], 1_000);
    expect(sends.map((s) => s.map((r) => r.key))).toEqual([['small'], ['huge'], ['next']]);
    expect(sizeBoundedSends([], 1_000)).toEqual([]);
  });

  it('weighs key, value and headers', () => {
    expect(recordBytes({ key: 'k', value: Buffer.alloc(10), headers: { ab: 'cd' } }) - recordBytes({ key: null, value: null })).toBe(1 + 10 + 4);
  });
});
