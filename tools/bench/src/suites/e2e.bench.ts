/**
 * `npm run bench:e2e`: the end-to-end benchmark on the real stack (GitHub issue 21, item 1). Starts its own stack
 * (broker on 127.0.0.1:29092, database hyperdex_bench, services on ports 5000–5004) or uses a running one
 * (--use-running), measures the bare kafkajs limit, then drives trades, prices and dashboard sockets and reports
 * POST → socket latencies, throughput, per-hop timings, ledger exactness and, with --profile, the services' CPU
 * profiles. Results are kept in tools/bench/results/e2e.json. `--help` lists the flags.
 */
import { FlagError, parseE2eFlags, usage } from '../e2e/options';
import { runE2e } from '../e2e/run-e2e';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return 0;
  }
  let options;
  try {
    options = parseE2eFlags(argv, process.env);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    console.error(`bench:e2e: ${error.message}\n\n${usage()}`);
    return 2;
  }
  // Ctrl-C stops the load and takes the stack down; a second Ctrl-C leaves at once.
  const abort = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (abort.signal.aborted) process.exit(130);
      console.error(`\nbench:e2e: ${signal}: stopping the load and the stack (again to leave at once)`);
      abort.abort();
    });
  }
  return runE2e(options, abort.signal);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
