import { partitionLags, type PartitionEnds } from './consumer-lag';

const ends: PartitionEnds[] = [
  { partition: 0, high: '100', low: '0' },
  { partition: 1, high: '50', low: '10' },
  { partition: 2, high: '7', low: '7' },
];

describe('partitionLags', () => {
  it('measures a committing group from its commits on every partition, including ones this member never read', () => {
    const committed = new Map([
      [0, '90'],
      [1, '50'],
      [2, '7'],
    ]);
    expect(partitionLags(ends, { committed, processed: new Map(), fromBeginning: true })).toEqual([
      { partition: 0, next: 90, lag: 10 },
      { partition: 1, next: 50, lag: 0 },
      { partition: 2, next: 7, lag: 0 },
    ]);
  });

  it("takes this member's own progress when it is ahead of the last commit", () => {
    const lags = partitionLags(ends, { committed: new Map([[0, '90']]), processed: new Map([[0, '97']]), fromBeginning: true });
    expect(lags[0]).toEqual({ partition: 0, next: 98, lag: 2 });
  });

  it("keeps to this member's progress snapshot even when a commit fetched later is further on", () => {
    // The commit of offset 99 landed while the scrape awaited the broker; the rest of the scrape predates it.
    const lags = partitionLags(ends, { committed: new Map([[0, '100']]), processed: new Map([[0, '97']]), fromBeginning: true });
    expect(lags[0]).toEqual({ partition: 0, next: 98, lag: 2 });
  });

  it('starts an uncommitted partition at the earliest offset, or at the end for a group that only reads new records', () => {
    const committed = new Map([[1, '-1']]);
    expect(partitionLags(ends, { committed, processed: new Map(), fromBeginning: true })[1]).toEqual({ partition: 1, next: 10, lag: 40 });
    expect(partitionLags(ends, { committed, processed: new Map(), fromBeginning: false })[1]).toEqual({ partition: 1, next: 50, lag: 0 });
  });

  it('reports a group that never commits only where this member has consumed', () => {
    expect(partitionLags(ends, { committed: null, processed: new Map([[1, '44']]), fromBeginning: false })).toEqual([{ partition: 1, next: 45, lag: 5 }]);
  });

  it('never reports a negative lag (a high watermark read before the last records were counted)', () => {
    expect(partitionLags([{ partition: 0, high: '10', low: '0' }], { committed: null, processed: new Map([[0, '12']]), fromBeginning: false })).toEqual([
      { partition: 0, next: 13, lag: 0 },
    ]);
  });
});
