import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import globalTeardown from './global-teardown';
import { DATABASE_NAME, LOG_DIR, PID_FILE, PORTS, ROOT, SERVICE_ENV, kafkaEnv } from './stack-env';

// The launcher is plain CommonJS shared with `npm run stack`.
const launcher = require(path.join(ROOT, 'tools/stack/launcher.cjs')) as {
  startServices(o: { env: Record<string, string>; ports: Record<string, number>; onLine: (s: string, l: string) => void }): LaunchedService[];
  waitReady(services: LaunchedService[], timeoutMs?: number): Promise<void>;
};

interface LaunchedService {
  name: string;
  child: { pid?: number };
}

const sh = (args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync('bash', args, { cwd: ROOT, env, stdio: 'inherit' });

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  rmSync(PID_FILE, { force: true }); // never act on a previous run's pids
  sh(['tools/infra/ensure-infra.sh', '--no-migrate']);
  // The dashboard suite drives Debian's chromium: installed here, once, so no test's timeout covers apt.
  execFileSync('bash', ['tools/infra/ensure-chromium.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // A fresh database and a fresh broker log each run: no state leaks between runs.
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`]);
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${DATABASE_NAME}`]);
  execFileSync('node', ['tools/db/migrate.cjs'], { cwd: ROOT, env: { ...process.env, DATABASE_NAME }, stdio: 'inherit' });
  sh(['tools/kafka/kafka.sh', 'reset'], kafkaEnv);
  sh(['tools/kafka/kafka.sh', 'start'], kafkaEnv);

  mkdirSync(LOG_DIR, { recursive: true });
  const logs = new Map<string, WriteStream>();
  const services = launcher.startServices({
    env: SERVICE_ENV,
    ports: PORTS,
    onLine: (service, line) => {
      let log = logs.get(service);
      if (!log) logs.set(service, (log = createWriteStream(path.join(LOG_DIR, `${service}.log`))));
      log.write(`${line}\n`);
    },
  });
  (globalThis as Record<string, unknown>)['__HYPERDEX_E2E__'] = { services, logs };
  writeFileSync(PID_FILE, JSON.stringify(services.map((s) => ({ name: s.name, pid: s.child.pid }))));
  try {
    await launcher.waitReady(services, 120_000);
  } catch (error) {
    // Jest skips globalTeardown when globalSetup fails: stop what was started so nothing outlives the run.
    await globalTeardown();
    throw new Error(`${(error as Error).message} — see the service logs in ${LOG_DIR}`);
  }
  process.stdout.write(`\ne2e: stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${LOG_DIR})\n`);
}
