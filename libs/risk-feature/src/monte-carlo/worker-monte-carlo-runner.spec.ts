import { join, resolve } from 'node:path';
import { RiskWorkspace } from '@hyperdex/risk-core';
import { twoTokenJob } from './monte-carlo-job.fixture';
import { runMonteCarloJob } from './run-monte-carlo-job';
import { WorkerMonteCarloRunner } from './worker-monte-carlo-runner';

/**
 * Real worker threads on the TypeScript source: each thread loads ts-node and the workspace path aliases through
 * tools/db/register-ts.cjs (the built service runs the bundled monte-carlo.worker.js instead; the e2e suite covers it).
 */
const root = resolve(__dirname, '../../../..');
const sourceWorker = (workers: number) =>
  new WorkerMonteCarloRunner({ workers, file: join(__dirname, 'monte-carlo.worker.ts'), execArgv: ['--require', join(root, 'tools/db/register-ts.cjs')] });

describe('WorkerMonteCarloRunner', () => {
  jest.setTimeout(60_000);
  let runner: WorkerMonteCarloRunner;

  beforeAll(() => {
    runner = sourceWorker(2);
  });
  afterAll(async () => {
    await runner.close();
  });

  it('computes on worker threads the same figures as this thread would (seeded: bit-identical)', async () => {
    const expected = runMonteCarloJob(twoTokenJob(), new RiskWorkspace());
    const figures = await Promise.all([runner.run(twoTokenJob()), runner.run(twoTokenJob()), runner.run(twoTokenJob())]);
    expect(figures).toEqual([expected, expected, expected]);
  });

  it('rejects a run that fails in the thread, and keeps serving the next ones', async () => {
    await expect(runner.run(twoTokenJob(0))).rejects.toThrow('paths must be a positive integer');
    expect(await runner.run(twoTokenJob(1_000))).toEqual(runMonteCarloJob(twoTokenJob(1_000), new RiskWorkspace()));
  });

  it('fails runs instead of respawning forever when the worker script cannot start', async () => {
    const broken = new WorkerMonteCarloRunner({ workers: 1, file: join(__dirname, 'no-such-worker.js') });
    try {
      await expect(broken.run(twoTokenJob())).rejects.toThrow();
      await expect(broken.run(twoTokenJob())).rejects.toThrow();
      await expect(broken.run(twoTokenJob())).rejects.toThrow();
      await expect(broken.run(twoTokenJob())).rejects.toThrow('keep failing');
    } finally {
      await broken.close();
    }
  });

  it('rejects queued and running jobs when closed', async () => {
    const closing = sourceWorker(1);
    const runs = [closing.run(twoTokenJob()), closing.run(twoTokenJob())].map((run) => expect(run).rejects.toThrow('closed'));
    await closing.close();
    await Promise.all(runs);
    await expect(closing.run(twoTokenJob())).rejects.toThrow('closed');
  });
});
