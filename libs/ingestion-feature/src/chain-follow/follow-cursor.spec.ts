import { extended, nextBlockOf, stepOf, withoutTip, type FollowCursor } from './follow-cursor';

const block = (number: number, hash: string) => ({ number, hash, trades: [] });
const cursor = (...blocks: Array<[number, string]>): FollowCursor => ({ chainId: 1, recent: blocks.map(([n, h]) => block(n, h)) });

describe('follow cursor', () => {
  it('starts at the configured block, then follows its tip', () => {
    expect(nextBlockOf(cursor(), 100)).toBe(100);
    expect(nextBlockOf(cursor([100, '0xa']), 7)).toBe(101);
  });

  it('extends with a block whose parent is the tip', () => {
    expect(stepOf(cursor([100, '0xa']), { number: 101, hash: '0xb', parentHash: '0xa' })).toEqual({ kind: 'extend' });
    expect(stepOf(cursor(), { number: 5, hash: '0x5', parentHash: '0x4' })).toEqual({ kind: 'extend' });
  });

  it('finds the tip orphaned when the next block’s parent is another block', () => {
    const c = cursor([100, '0xa'], [101, '0xb']);
    expect(stepOf(c, { number: 102, hash: '0xc2', parentHash: '0xb2' })).toEqual({ kind: 'orphaned', block: block(101, '0xb') });
  });

  it('finds the tip orphaned when the chain now has another block at its height', () => {
    const c = cursor([100, '0xa'], [101, '0xb']);
    expect(stepOf(c, { number: 101, hash: '0xb2', parentHash: '0xa' })).toEqual({ kind: 'orphaned', block: block(101, '0xb') });
    expect(stepOf(c, { number: 101, hash: '0xb', parentHash: '0xa' })).toEqual({ kind: 'known' });
  });

  it('says when a reorg is deeper than the blocks it remembers', () => {
    expect(stepOf(cursor([101, '0xb']), { number: 102, hash: '0xc2', parentHash: '0xb2' })).toEqual({ kind: 'too-deep' });
  });

  it('keeps only the last `depth` blocks, and drops an orphaned tip', () => {
    const c = extended(extended(cursor([100, '0xa']), block(101, '0xb'), 2), block(102, '0xc'), 2);
    expect(c.recent.map((b) => b.number)).toEqual([101, 102]);
    expect(withoutTip(c).recent.map((b) => b.number)).toEqual([101]);
  });
});
