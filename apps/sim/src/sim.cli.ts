// `npm run sim -- --seed <n>`: replays one seed of the deterministic simulation exactly, printing every step's action
// and any violation — the command a failing seed of `npm run test:sim` prints.
import 'reflect-metadata';
import { parseSimArguments, SIM_USAGE } from './run/sim-arguments';
import { SimRunner } from './run/sim-runner';

async function main(): Promise<number> {
  const args = parseSimArguments(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${SIM_USAGE}\n`);
    return 0;
  }
  const runner = await SimRunner.open();
  let failed = 0;
  const started = performance.now();
  try {
    for (let seed = args.seed; seed < args.seed + args.count; seed++) {
      const result = await runner.run({ seed, steps: args.steps, bug: args.bug, trace: true });
      const ok = result.violations.length === 0;
      if (!ok) failed++;
      if (!ok || args.count === 1) process.stdout.write(`${result.trace.join('\n')}\n`);
      for (const v of result.violations) process.stdout.write(`VIOLATION at step ${v.step}: ${v.invariant}: ${v.detail}\n`);
      process.stdout.write(`seed ${seed}: ${ok ? 'ok' : `${result.violations.length} violation(s)`}, digest ${result.digest.slice(0, 16)}${ok ? '' : `\n  replay: ${result.replay}`}\n`);
    }
  } finally {
    await runner.close();
  }
  const ms = performance.now() - started;
  process.stdout.write(`sim: ${args.count} seed(s), ${failed} failing, ${(ms / 1000).toFixed(1)} s (${(ms / args.count).toFixed(0)} ms per seed)\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
