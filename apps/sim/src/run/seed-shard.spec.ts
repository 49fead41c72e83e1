import { parseSimOutput, shardRange } from './seed-shard';

describe('shardRange', () => {
  it('splits the seeds into contiguous ranges that cover each seed once', () => {
    const ranges = [0, 1, 2, 3].map((shard) => shardRange(shard, 10, 1, 4));
    expect(ranges).toEqual([
      { seed: 1, count: 3 },
      { seed: 4, count: 3 },
      { seed: 7, count: 2 },
      { seed: 9, count: 2 },
    ]);
    expect([0, 1, 2, 3].reduce((n, shard) => n + shardRange(shard, 1000, 1, 4).count, 0)).toBe(1000);
    expect(shardRange(3, 1000, 1, 4)).toEqual({ seed: 751, count: 250 });
  });
});

describe('parseSimOutput', () => {
  it('reads each verdict, and for a failing seed its violations and replay command without the step trace', () => {
    const output = [
      'seed 1: ok, digest 3f617b91b33ac2aa',
      'step 0: trade alice',
      'step 1: crash risk-a',
      'VIOLATION at step 1: ledger-exactly-once: t-1 booked twice',
      'seed 2: 1 violation(s), digest 0011223344556677',
      '  replay: npm run sim -- --seed 2',
      'seed 3: ok, digest a7986dbfbff055cb',
      'sim: 3 seed(s), 1 failing, 0.9 s (300 ms per seed)',
    ].join('\n');
    expect(parseSimOutput(output)).toEqual([
      { seed: 1, ok: true, detail: [] },
      { seed: 2, ok: false, detail: ['VIOLATION at step 1: ledger-exactly-once: t-1 booked twice', 'replay exactly: npm run sim -- --seed 2'] },
      { seed: 3, ok: true, detail: [] },
    ]);
  });
});
