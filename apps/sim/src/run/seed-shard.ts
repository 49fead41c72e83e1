import { SimRunner, type SeedResult } from './sim-runner';

/**
 * Seeds per `npm run test:sim`, split over the shard spec files. 200 in `npm test`: under jest a seed took about 1 s on
 * this 2-core machine, so the 1,000 ran past 13 minutes; `SIM_SEEDS=1000 npm run test:sim` is the soak.
 */
export const SIM_SEEDS = Number(process.env['SIM_SEEDS'] ?? 200);
/** Where a CI run's seeds start (SIM_FIRST_SEED moves the window, to explore new seeds). */
export const SIM_FIRST_SEED = Number(process.env['SIM_FIRST_SEED'] ?? 1);
export const SIM_SHARDS = 4;

/** How a failing seed reads in the test output: every violation, then the one command that replays it. */
export function describeFailure(result: SeedResult): string {
  const lines = result.violations.map((v) => `  step ${v.step}: ${v.invariant}: ${v.detail}`);
  return `seed ${result.seed} broke ${result.violations.length} invariant(s):\n${lines.join('\n')}\n  replay exactly: ${result.replay}`;
}

/**
 * Runs this shard's share of the seeds (every SIM_SHARDS-th seed) on one runner, one PGlite, and answers the
 * failures. Shards are separate spec files so jest's workers run them side by side.
 */
export async function runShard(shard: number): Promise<{ ran: number; failures: string[] }> {
  const runner = await SimRunner.open();
  const failures: string[] = [];
  let ran = 0;
  try {
    for (let seed = SIM_FIRST_SEED + shard; seed < SIM_FIRST_SEED + SIM_SEEDS; seed += SIM_SHARDS) {
      const result = await runner.run({ seed });
      ran++;
      if (result.violations.length > 0) failures.push(describeFailure(result));
    }
  } finally {
    await runner.close();
  }
  return { ran, failures };
}
