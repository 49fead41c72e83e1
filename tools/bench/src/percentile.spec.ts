import { percentile } from './percentile';

describe('percentile (nearest rank)', () => {
  // Worked example from the nearest-rank method's usual textbook illustration: {15, 20, 35, 40, 50}.
  const sample = [15, 20, 35, 40, 50];

  it.each([
    [5, 15],
    [30, 20],
    [40, 20],
    [50, 35],
    [100, 50],
  ])('p%d of {15,20,35,40,50} is %d', (p, expected) => {
    expect(percentile(sample, p)).toBe(expected);
  });

  it('p99 of 1..1000 is 990', () => {
    expect(percentile(Array.from({ length: 1000 }, (_, i) => i + 1), 99)).toBe(990);
  });

  it('rejects an empty sample and an out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow('empty');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
  });
});
