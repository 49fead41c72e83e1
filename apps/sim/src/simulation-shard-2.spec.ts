import { SIM_SHARDS, runShard } from './run/seed-shard';

// One of SIM_SHARDS files sharing the seeds of `npm run test:sim`; a failure prints each seed's replay command.
describe(`deterministic simulation, shard 2 of ${SIM_SHARDS}`, () => {
  it('keeps every invariant after every step of its seeds', async () => {
    const { ran, expected, failures } = await runShard(2);
    expect(failures).toEqual([]);
    expect(ran).toBe(expected);
  }, 3_600_000);
});
