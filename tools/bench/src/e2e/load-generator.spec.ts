import { achievedRate, planSends } from './load-generator';

describe('planSends', () => {
  it('spaces rate × seconds sends evenly', () => {
    const plan = planSends(4, 2, (i) => `t${i}`);
    expect(plan.map((p) => p.offsetMs)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750]);
    expect(plan.map((p) => p.item)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
  });

  it('merges extra sends in time order', () => {
    const plan = planSends(2, 1, (i) => `t${i}`, [
      { offsetMs: 700, item: 'big' },
      { offsetMs: 0, item: 'first-extra' },
    ]);
    expect(plan.map((p) => p.item)).toEqual(['t0', 'first-extra', 't1', 'big']);
  });
});

describe('achievedRate', () => {
  it('is sends per second between the first and last send', () => {
    expect(achievedRate({ sent: 1001, firstAt: 0, lastAt: 1000 })).toBe(1000);
    expect(achievedRate({ sent: 1, firstAt: 5, lastAt: 5 })).toBeNull();
  });
});
