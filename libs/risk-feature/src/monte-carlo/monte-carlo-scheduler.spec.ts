import type { VarFiguresFloat } from '@hyperdex/risk-core';
import { twoTokenJob } from './monte-carlo-job.fixture';
import type { MonteCarloJob, MonteCarloRunner } from './monte-carlo-runner';
import { MonteCarloScheduler } from './monte-carlo-scheduler';

/** A runner whose runs finish when the test says so. */
class ManualRunner implements MonteCarloRunner {
  readonly runs: Array<{ job: MonteCarloJob; finish: (f: VarFiguresFloat) => void; fail: (e: Error) => void }> = [];
  run(job: MonteCarloJob): Promise<VarFiguresFloat> {
    return new Promise((finish, fail) => this.runs.push({ job, finish, fail }));
  }
  async close(): Promise<void> {
    this.runs.length = 0;
  }
}

const figures: VarFiguresFloat = { var95: 1, var99: 2, es95: 3, es99: 4 };

describe('MonteCarloScheduler', () => {
  it('refuses runs beyond its capacity and takes them again once the pool catches up', async () => {
    const runner = new ManualRunner();
    const scheduler = new MonteCarloScheduler(runner, 2);
    const outcomes: string[] = [];
    const settle = (name: string) => (o: { figures: VarFiguresFloat } | { error: Error }) => outcomes.push('error' in o ? `${name}:${o.error.message}` : `${name}:${o.figures.var99}`);
    expect(scheduler.submit(twoTokenJob(), settle('a'))).toBe(true);
    expect(scheduler.submit(twoTokenJob(), settle('b'))).toBe(true);
    expect(scheduler.submit(twoTokenJob(), settle('c'))).toBe(false);
    expect(scheduler.depth).toBe(2);

    runner.runs[0]?.finish(figures);
    runner.runs[1]?.fail(new Error('boom'));
    await scheduler.idle();
    // idle() resolves only after every outcome was handed over.
    expect(outcomes).toEqual(['a:2', 'b:boom']);
    expect(scheduler.depth).toBe(0);
    expect(scheduler.submit(twoTokenJob(), settle('d'))).toBe(true);
    expect(runner.runs).toHaveLength(3);
  });

  it('is idle at once with nothing outstanding, and refuses a capacity below one', async () => {
    await expect(new MonteCarloScheduler(new ManualRunner(), 1).idle()).resolves.toBeUndefined();
    expect(() => new MonteCarloScheduler(new ManualRunner(), 0)).toThrow('capacity');
  });
});
