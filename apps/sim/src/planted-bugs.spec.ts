import { PLANTED_BUGS, type PlantedBugName } from './run/planted-bugs';
import { SimRunner, type SeedResult } from './run/sim-runner';

/** Seeds tried per planted bug before the simulation is declared blind to it. */
const SEEDS_TRIED = 30;

/** The simulation is only worth its green run if it turns red on a known bug: each planted one must be caught. */
describe('the deterministic simulation catches planted bugs', () => {
  let runner: SimRunner;

  beforeAll(async () => {
    runner = await SimRunner.open();
  }, 120_000);

  afterAll(async () => {
    await runner?.close();
  });

  it.each(Object.keys(PLANTED_BUGS) as PlantedBugName[])('catches %s, and the failing seed replays exactly', async (bug) => {
    let caught: SeedResult | undefined;
    for (let seed = 1; seed <= SEEDS_TRIED && !caught; seed++) {
      const result = await runner.run({ seed, bug, trace: true });
      if (result.violations.length > 0) caught = result;
    }
    expect(caught).toBeDefined();
    const first = caught as SeedResult;
    expect(first.replay).toBe(`npm run sim -- --seed ${first.seed} --bug ${bug}`);
    // The printed command's run: the same steps, the same violations, the same end state.
    const again = await runner.run({ seed: first.seed, bug, trace: true });
    expect(again.trace).toEqual(first.trace);
    expect(again.violations).toEqual(first.violations);
    expect(again.digest).toBe(first.digest);
  }, 600_000);
});
