import { formatMs, summarizeLatencies } from './latency-summary';

describe('summarizeLatencies', () => {
  it('is nearest-rank p50/p99/max over what arrived when nothing is missing', () => {
    const s = summarizeLatencies(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(s).toEqual({ count: 1000, missing: 0, p50Ms: 500, p99Ms: 990, maxMs: 1000 });
  });

  it('ranks missing events last: a p99 that falls among them is null, not the survivors’ p99', () => {
    const s = summarizeLatencies(Array.from({ length: 98 }, (_, i) => i + 1), 2);
    expect(s.p50Ms).toBe(50);
    expect(s.p99Ms).toBeNull();
    expect(s.maxMs).toBe(98);
    expect(s.missing).toBe(2);
  });

  it('keeps p99 measurable while the missing share is within the last percent', () => {
    const s = summarizeLatencies(Array.from({ length: 999 }, (_, i) => i + 1), 1);
    expect(s.p99Ms).toBe(990);
  });

  it('has no figures for an empty phase, and only nulls when everything went missing', () => {
    expect(summarizeLatencies([])).toEqual({ count: 0, missing: 0, p50Ms: null, p99Ms: null, maxMs: null });
    expect(summarizeLatencies([], 5)).toEqual({ count: 0, missing: 5, p50Ms: null, p99Ms: null, maxMs: null });
  });
});

describe('formatMs', () => {
  it.each([
    [3.14159, '3.1 ms'],
    [123.4, '123 ms'],
    [31_000, '31.0 s'],
  ])('%d → %s', (ms, text) => expect(formatMs(ms)).toBe(text));

  it('says why a figure is absent', () => {
    expect(formatMs(null, '>30 s')).toBe('>30 s');
    expect(formatMs(null)).toBe('–');
  });
});
