import { OffsetCommitter, type PartitionOffset } from './offset-committer';

describe('OffsetCommitter', () => {
  let now = 0;
  let commits: PartitionOffset[][];
  let errors: unknown[];
  const committer = (intervalMs: number, commit?: (o: PartitionOffset[]) => Promise<void>) =>
    new OffsetCommitter('t', intervalMs, commit ?? (async (o) => void commits.push(o)), (e) => void errors.push(e), () => now);

  beforeEach(() => {
    now = 1_000;
    commits = [];
    errors = [];
  });

  it('commits the next offset to read, at once when the interval is 0', async () => {
    const c = committer(0);
    await c.handled(2, '41');
    await c.handled(2, '42');
    expect(commits).toEqual([[{ topic: 't', partition: 2, offset: '42' }], [{ topic: 't', partition: 2, offset: '43' }]]);
  });

  it('holds commits until the interval has passed, then sends the latest offset of every partition in one request', async () => {
    const c = committer(1_000);
    await c.handled(0, '9');
    now += 400;
    await c.handled(1, '19');
    await c.handled(0, '10');
    expect(commits).toEqual([]);
    now += 600;
    await c.handled(1, '20');
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '11' },
        { topic: 't', partition: 1, offset: '21' },
      ],
    ]);
    expect(c.uncommitted.size).toBe(0);
  });

  it('commits by itself once the stream goes quiet', async () => {
    jest.useFakeTimers();
    try {
      const c = new OffsetCommitter('t', 1_000, async (o) => void commits.push(o), () => undefined);
      await c.handled(3, '7');
      expect(commits).toEqual([]);
      jest.advanceTimersByTime(1_000);
      await c.flush();
      expect(commits).toEqual([[{ topic: 't', partition: 3, offset: '8' }]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops the offsets of partitions handed to another member, so it never rewinds their commits', async () => {
    const c = committer(1_000);
    await c.handled(0, '5');
    await c.handled(1, '6');
    c.retain([1]);
    await c.flush();
    expect(commits).toEqual([[{ topic: 't', partition: 1, offset: '7' }]]);
  });

  it('sends commits one after another, so a partition is never committed backwards', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const c = committer(0, async (o) => {
      if (order.length === 0) await slow;
      order.push(o.map((x) => x.offset).join());
    });
    const first = c.handled(0, '1');
    const second = c.handled(0, '2');
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['2', '3']);
  });

  it('reports a failed commit and goes on: the records are simply read again after a restart', async () => {
    const c = committer(0, async () => {
      throw new Error('rebalance in progress');
    });
    await c.handled(0, '1');
    expect(errors).toHaveLength(1);
    await expect(c.handled(0, '2')).resolves.toBeUndefined();
  });
});
