// `npm start`: the whole system in this process — the five services on an in-memory bus, embedded PostgreSQL
// (PGlite) and an in-process cache. Nothing but `npm install` is needed.
import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { MarketSimulator } from '@hyperdex/simulator';
import { LOCAL_USAGE, LocalArgumentError, parseLocalArguments } from './local-arguments';
import { ensureDashboardBuilt } from './local-dashboard';
import { localEnvironment } from './local-environment';
import { startEmbeddedServices, stopEmbeddedServices, type RunningService, type ServiceName } from './local-services';

async function main(): Promise<void> {
  const args = parseLocalArguments(process.argv.slice(2), process.cwd());
  if (args.help) {
    process.stdout.write(`${LOCAL_USAGE}\n`);
    return;
  }
  if (args.fresh) rmSync(args.dataDir, { recursive: true, force: true });
  mkdirSync(args.dataDir, { recursive: true });
  const env = localEnvironment(process.env);
  // The gateway serves this build under /dashboard/ (GATEWAY_DASHBOARD_DIR, relative to the working directory).
  const dashboardDir = path.resolve(env['GATEWAY_DASHBOARD_DIR'] ?? 'dist/apps/dashboard');
  const dashboardProblem = ensureDashboardBuilt(process.cwd(), dashboardDir, (line) => process.stdout.write(`${line}\n`));

  const b = args.portBase;
  const ports: Record<ServiceName, number> = { gateway: b, ingestion: b + 1, positions: b + 2, risk: b + 3, alerting: b + 4 };

  const infra = await EmbeddedInfrastructure.open({ dataDir: args.dataDir });
  let services: RunningService[] = [];
  try {
    services = await startEmbeddedServices(infra, env, ports);
  } catch (error) {
    await infra.close();
    throw error;
  }

  const apiKey = (env['INGESTION_API_KEYS'] as string).split(',')[0] as string;
  // Through the public ingestion API of this very process, as any producer would send.
  const simulator = args.simulate
    ? new MarketSimulator({ target: `http://127.0.0.1:${ports.ingestion}`, apiKey, seed: args.seed, tradesPerSecond: args.rate, tickMs: 1_000, report: (line) => process.stdout.write(`${line}\n`) })
    : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nlocal: ${signal}: stopping the services and closing the database\n`);
    // A stuck close must not keep the terminal: leave after a grace period anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    await simulator?.stop();
    await stopEmbeddedServices(services);
    await infra.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const tokenFor = (userId: string) => jwt.sign({ sub: userId }, env['JWT_SECRET'] as string, { algorithm: 'HS256', expiresIn: '12h' });
  const demoToken = tokenFor('demo');
  process.stdout.write(`
HyperDEX Risk is up (embedded: in-memory bus, PGlite, no Kafka/PostgreSQL/Redis) in ${process.uptime().toFixed(1)} s.  Ctrl-C stops it.
  dashboard ${dashboardProblem ? `not served: ${dashboardProblem}` : `http://127.0.0.1:${ports.gateway}/dashboard/#token=${demoToken}`}
  gateway   http://127.0.0.1:${ports.gateway}  (Socket.IO, REST /v1/users/:userId/…, API docs at /docs)
  ingestion http://127.0.0.1:${ports.ingestion}  (POST /v1/trades, /v1/prices; x-api-key: ${apiKey})
  risk      http://127.0.0.1:${ports.risk}  (POST /v1/risk/check)
  positions :${ports.positions}  alerting :${ports.alerting}  (each: /health/live /health/ready /metrics)
  data      ${args.dataDir}${args.fresh ? ' (wiped by --fresh)' : ' (kept across restarts; --fresh wipes it)'}${infra.migrationsApplied.length ? `, migrations applied: ${infra.migrationsApplied.length}` : ''}
  JWT for user "demo" (12 h): ${demoToken}
  Max exposure limit: ${env['RISK_MAX_EXPOSURE_USD']} USD   (see README.md for the curl walk-through)
`);
  if (!simulator) return;
  await simulator.start();
  const escalating = simulator.users.find((u) => u.escalates);
  process.stdout.write(`  Simulator: ${args.rate} trades/s, seed ${args.seed} (--no-simulate turns it off); users ${simulator.users.map((u) => u.userId).join(', ')}
  ${escalating ? `"${escalating.userId}" breaches the exposure limit within a minute; its JWT: ${tokenFor(escalating.userId)}${dashboardProblem ? '' : `\n  its dashboard: http://127.0.0.1:${ports.gateway}/dashboard/#token=${tokenFor(escalating.userId)}`}` : ''}
`);
}

main().catch((error: unknown) => {
  const message = error instanceof LocalArgumentError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`local: ${message}\n`);
  process.exit(1);
});
