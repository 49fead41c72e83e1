import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RunningStackSettings } from './options';
import { nowMs } from './clock';

/**
 * Brings up the benchmark's own stack beside anything else on the machine — own ports (5000–5004), broker
 * (127.0.0.1:29092, fresh log), database (hyperdex_bench, fresh) and Redis key prefix — and takes it down again.
 */

export const ROOT = join(__dirname, '../../../..');
export const SERVICE_NAMES = ['ingestion', 'positions', 'risk', 'alerting', 'gateway'] as const;
export const PORTS: Record<(typeof SERVICE_NAMES)[number], number> = { gateway: 5000, ingestion: 5001, positions: 5002, risk: 5003, alerting: 5004 };
export const KAFKA_PORT = 29092;
export const DATABASE_NAME = 'hyperdex_bench';
export const LOG_DIR = join(ROOT, 'tmp/bench-logs');
export const PROFILE_DIR = join(ROOT, 'tmp/bench-profiles');
export const MAX_EXPOSURE_USD = '100000';
const KAFKA_DATA_DIR = join(ROOT, 'tmp/bench-kafka');
const API_KEY = 'bench-ingestion-key-0123456789';
const JWT_SECRET = 'bench-jwt-secret-0123456789-0123456789';

interface LaunchedService {
  readonly name: string;
  readonly port: number;
  readonly child: { readonly pid?: number; readonly exitCode: number | null; readonly signalCode: string | null; on(event: 'exit', cb: (code: number | null, signal: string | null) => void): void };
}

// The launcher is plain CommonJS shared with `npm run stack` and the e2e suite.
const launcher = createRequire(__filename)(join(ROOT, 'tools/stack/launcher.cjs')) as {
  startServices(o: {
    env: Record<string, string>;
    ports: Record<string, number>;
    onLine: (service: string, line: string) => void;
    nodeArgs?: (service: string) => string[];
  }): LaunchedService[];
  waitReady(services: LaunchedService[], timeoutMs?: number): Promise<void>;
  stopServices(services: LaunchedService[], graceMs?: number): Promise<void>;
};

export interface StackHandle {
  readonly mode: 'started' | 'running';
  readonly settings: RunningStackSettings;
  /** Seconds each set-up step took. */
  readonly setup: Record<string, number>;
  /** Services that exited while the benchmark ran (a crash under load is a finding, not noise). */
  readonly unexpectedExits: string[];
  /** Pids of the processes this stack runs (services, broker), for CPU accounting; empty for a running stack. */
  pids(): Record<string, number>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly build: boolean;
  readonly profile: boolean;
  readonly maxBatch: number;
  readonly log: (line: string) => void;
}

const kafkaEnv = (): NodeJS.ProcessEnv => ({ ...process.env, KAFKA_PORT: String(KAFKA_PORT), KAFKA_DATA_DIR });

/** Runs a set-up command; its output goes to a log file, shown (tail) only when it fails. */
function step(name: string, file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, logFile?: string): void {
  const result = spawnSync(file, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (logFile) createWriteStream(logFile).end(output);
  if (result.status !== 0) {
    const tail = output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${name} failed (${file} ${args.join(' ')}, exit ${result.status ?? result.signal}):\n${tail}`);
  }
}

function psql(sql: string): void {
  execFileSync('psql', ['-h', process.env['DATABASE_HOST'] ?? '127.0.0.1', '-U', process.env['DATABASE_USER'] ?? 'postgres', '-d', 'postgres', '-qc', sql], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export async function startStack(options: StartOptions): Promise<StackHandle> {
  const setup: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = nowMs();
    options.log(`stack: ${name}…`);
    try {
      return await fn();
    } finally {
      setup[name] = (nowMs() - start) / 1000;
    }
  };
  mkdirSync(LOG_DIR, { recursive: true });
  const settings: RunningStackSettings = {
    gatewayUrl: `http://127.0.0.1:${PORTS.gateway}`,
    ingestionUrl: `http://127.0.0.1:${PORTS.ingestion}`,
    brokers: [`127.0.0.1:${KAFKA_PORT}`],
    apiKey: API_KEY,
    jwtSecret: JWT_SECRET,
    databaseName: DATABASE_NAME,
  };
  let services: LaunchedService[] = [];
  let brokerStarted = false;
  const logs = new Map<string, WriteStream>();
  const unexpectedExits: string[] = [];
  let stopping = false;

  const stop = async () => {
    stopping = true;
    if (services.length) {
      options.log('stack: stopping the services');
      await launcher.stopServices(services, 15_000);
    }
    await Promise.all([...logs.values()].map((l) => new Promise((resolve) => l.end(resolve))));
    if (brokerStarted) {
      options.log('stack: stopping the broker');
      spawnSync('bash', ['tools/kafka/kafka.sh', 'stop'], { cwd: ROOT, env: kafkaEnv(), stdio: 'ignore' });
    }
  };

  try {
    // Built first: the longest and likeliest step to fail, before anything is started that would need stopping.
    if (options.build) {
      await timed('build', () =>
        step('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', ...SERVICE_NAMES], { ...process.env, NX_DAEMON: 'false' }, join(LOG_DIR, 'build.log')),
      );
    }
    await timed('infra', () => step('ensure-infra', 'bash', ['tools/infra/ensure-infra.sh', '--no-migrate']));
    await timed('database', () => {
      // A fresh database each run: the ledger check and the services' caches start from nothing.
      psql(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`);
      psql(`CREATE DATABASE ${DATABASE_NAME}`);
      step('migrate', 'node', ['tools/db/migrate.cjs'], { ...process.env, DATABASE_NAME });
    });
    await timed('broker', () => {
      step('kafka reset', 'bash', ['tools/kafka/kafka.sh', 'reset'], kafkaEnv());
      brokerStarted = true;
      step('kafka start', 'bash', ['tools/kafka/kafka.sh', 'start'], kafkaEnv());
    });
    if (options.profile) rmSync(PROFILE_DIR, { recursive: true, force: true });
    await timed('services', async () => {
      // Opened up front so every run leaves a (possibly empty) log per service, never a previous run's.
      for (const name of SERVICE_NAMES) logs.set(name, createWriteStream(join(LOG_DIR, `${name}.log`)));
      services = launcher.startServices({
        env: serviceEnv(settings, options.maxBatch),
        ports: PORTS,
        onLine: (service, line) => logs.get(service)?.write(`${line}\n`),
        nodeArgs: options.profile
          ? (service) => ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, service)}`, '--require', join(__dirname, 'exit-on-reraised-signal.cjs')]
          : undefined,
      });
      for (const s of services) {
        s.child.on('exit', (code, signal) => {
          if (!stopping) unexpectedExits.push(`${s.name} exited (${signal ?? code}) during the run; see ${join('tmp/bench-logs', `${s.name}.log`)}`);
        });
      }
      await launcher.waitReady(services, 120_000).catch((error: Error) => {
        throw new Error(`${error.message} — see the service logs in tmp/bench-logs/`);
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const pids = (): Record<string, number> => {
    const found: Record<string, number> = {};
    for (const s of services) if (s.child.pid !== undefined) found[s.name] = s.child.pid;
    try {
      found['kafka broker'] = Number(readFileSync(join(KAFKA_DATA_DIR, 'broker.pid'), 'utf8').trim());
    } catch {
      // No pid file: the broker is left out of the accounting.
    }
    return found;
  };
  return { mode: 'started', settings, setup, unexpectedExits, pids, stop };
}

/** The environment of every service, like the e2e suite's but on the benchmark's own broker, database and keys. */
function serviceEnv(settings: RunningStackSettings, maxBatch: number): Record<string, string> {
  return {
    KAFKA_BROKERS: settings.brokers.join(','),
    DATABASE_NAME,
    REDIS_KEY_PREFIX: 'hyperdex-bench:',
    INGESTION_API_KEYS: API_KEY,
    // The throughput phase's batches must fit in one POST (the default, 1000, is plenty for 100).
    INGESTION_MAX_BATCH: String(Math.max(1000, maxBatch)),
    JWT_SECRET,
    RISK_MAX_EXPOSURE_USD: MAX_EXPOSURE_USD,
    LOG_LEVEL: 'warn',
    GATEWAY_INSTANCE_ID: 'bench',
    POSITIONS_INSTANCE_ID: 'bench',
    RISK_INSTANCE_ID: 'bench',
  };
}

/** A stack someone else runs: nothing to start or stop. */
export function runningStack(settings: RunningStackSettings): StackHandle {
  return { mode: 'running', settings, setup: {}, unexpectedExits: [], pids: () => ({}), stop: async () => undefined };
}
