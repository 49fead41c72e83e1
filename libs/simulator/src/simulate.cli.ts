// `npm run simulate -- --target http://127.0.0.1:3001`: the market simulator against any running system (the real
// stack or `npm start -- --no-simulate`), through its public ingestion API. Ctrl-C stops it.
import { MarketSimulator } from './market-simulator';
import { parseSimulatorArguments, SIMULATOR_USAGE } from './simulator-arguments';

async function main(): Promise<void> {
  const args = parseSimulatorArguments(process.argv.slice(2), process.env);
  if (args.help) {
    process.stdout.write(`${SIMULATOR_USAGE}\n`);
    return;
  }
  const simulator = new MarketSimulator({ ...args, report: (line) => process.stdout.write(`${line}\n`) });
  await simulator.start();
  process.stdout.write(
    `simulator: ${args.tradesPerSecond} trades/s, a market step every ${args.tickMs} ms, seed ${args.seed}, into ${args.target}\n` +
      `  users: ${simulator.users.map((u) => (u.escalates ? `${u.userId} (breaches the exposure limit within a minute)` : u.userId)).join(', ')}\n`,
  );
  const stop = async () => {
    await simulator.stop();
    process.stdout.write(`simulator: stopped after ${simulator.stats.ticks} steps, ${simulator.stats.trades} trades, ${simulator.stats.failedRequests} failed requests\n`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (args.durationSeconds !== undefined) setTimeout(() => void stop(), args.durationSeconds * 1_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
