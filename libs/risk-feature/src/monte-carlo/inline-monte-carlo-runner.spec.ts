import { RiskWorkspace } from '@hyperdex/risk-core';
import { InlineMonteCarloRunner } from './inline-monte-carlo-runner';
import { twoTokenJob } from './monte-carlo-job.fixture';
import { runMonteCarloJob } from './run-monte-carlo-job';

describe('InlineMonteCarloRunner', () => {
  it('gives the same figures as the computation itself (seeded: bit-identical)', async () => {
    const figures = await new InlineMonteCarloRunner().run(twoTokenJob());
    expect(figures).toEqual(runMonteCarloJob(twoTokenJob(), new RiskWorkspace()));
    // ≈ 2.326 σ with σ = √(200² + 5²) ≈ 200.06: the simulated 99% VaR lands near the parametric one.
    expect(figures.var99).toBeGreaterThan(400);
    expect(figures.var99).toBeLessThan(530);
  });

  it('never computes on the caller’s stack: a failing run rejects later instead of throwing', async () => {
    const runner = new InlineMonteCarloRunner();
    let returned = false;
    const run = runner.run(twoTokenJob(0));
    returned = true;
    await expect(run).rejects.toThrow('paths must be a positive integer');
    expect(returned).toBe(true);
  });

  it('rejects runs that were still waiting when it closed', async () => {
    const runner = new InlineMonteCarloRunner();
    const run = runner.run(twoTokenJob());
    await runner.close();
    await expect(run).rejects.toThrow('closed');
  });
});
