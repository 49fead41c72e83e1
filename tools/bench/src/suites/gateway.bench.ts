/**
 * `npm run bench:gateway`: the gateway alone at scale (issue 24). A Kafka broker of its own (127.0.0.1:39092, data in
 * tmp/), database `hyperdex_bench_gateway`, Redis under its own key prefix and the built gateway on port 7100; this
 * process is the load generator, on the same machine:
 * 1. connects `--sockets` (10,000) authenticated sockets, one user each — connect time per socket and overall;
 * 2. produces exposure updates straight to the gateway's input topic (`--rounds` rounds, each giving every user one
 *    update, at `--rate`/s) — fan-out latency from the record's production to its arrival on the user's socket
 *    (so the broker hop into the gateway is included: an upper bound of the gateway's own share), the deliveries
 *    missing, and the deliveries to another user's socket (must be 0). A baseline of single updates on an idle
 *    gateway shows what the broker hop alone costs;
 * 3. reads `GET /v1/users/:userId/exposure` with `--rest-concurrency` requests in flight for `--rest-seconds`,
 *    every user with its own token, while the sockets stay connected and updates keep flowing.
 * Targets (issue 24): fan-out p99 ≤ 50 ms with no cross-user delivery; ≥ 10,000 reads/s with p99 ≤ 5 ms — reported,
 * never asserted. Results are kept in tools/bench/results/gateway.json and gateway.history.jsonl.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import jwt from 'jsonwebtoken';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Topics } from '@hyperdex/contracts';
import type { BenchResult } from '../bench-case';
import { GATEWAY_BENCH_USAGE, parseGatewayBenchOptions, type GatewayBenchOptions } from '../gateway/gateway-options';
import { restLoad } from '../gateway/rest-load';
import { SocketFleet } from '../gateway/socket-fleet';
import { syntheticExposure } from '../gateway/synthetic-exposure';
import { gitRevision, keepResults, machineInfo } from '../keep-results';
import { machineReferenceMicros } from '../machine-reference';
import { percentile } from '../percentile';

const ROOT = resolve(__dirname, '../../../..');
const DATABASE_NAME = 'hyperdex_bench_gateway';
const JWT_SECRET = 'bench-gateway-jwt-secret-0123456789-0123';
const REDIS_KEY_PREFIX = `hyperdex-bench-gateway-${process.pid}:`;
const RUN = Date.now().toString(36);

const tokenFor = (userId: string) => jwt.sign({ sub: userId }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '2h' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

function summarize(samplesMs: number[]): Summary {
  const sorted = Float64Array.from(samplesMs).sort();
  if (sorted.length === 0) return { count: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] as number, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const ms = (s: Summary) => `p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(1)} ms  (n=${s.count})`;
const toResult = (name: string, s: Summary, perSec: number, target?: BenchResult['target']): BenchResult => ({
  name,
  iterations: s.count,
  p50Micros: s.p50 * 1000,
  p99Micros: s.p99 * 1000,
  maxMicros: s.max * 1000,
  meanMicros: s.mean * 1000,
  opsPerSec: perSec,
  ...(target ? { target, targetMet: (target.p99Micros === undefined || s.p99 * 1000 <= target.p99Micros) && (target.opsPerSec === undefined || perSec >= target.opsPerSec) } : {}),
});

function sh(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  execFileSync('bash', args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

function prepareInfrastructure(o: GatewayBenchOptions, kafkaEnv: NodeJS.ProcessEnv): void {
  sh(['tools/infra/ensure-infra.sh', '--no-migrate']);
  const psql = (sql: string) => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql], { stdio: 'inherit' });
  psql(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`);
  psql(`CREATE DATABASE ${DATABASE_NAME}`);
  execFileSync('node', ['tools/db/migrate.cjs'], { cwd: ROOT, env: { ...process.env, DATABASE_NAME }, stdio: 'inherit' });
  console.log(`bench: building the gateway and starting a broker on 127.0.0.1:${o.kafkaPort}`);
  execFileSync('npx', ['nx', 'build', 'gateway', '--outputStyle=static'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' }, stdio: ['ignore', 'ignore', 'inherit'] });
  sh(['tools/kafka/kafka.sh', 'reset'], kafkaEnv);
  sh(['tools/kafka/kafka.sh', 'start'], kafkaEnv);
}

function startGateway(o: GatewayBenchOptions, broker: string): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/gateway/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(o.gatewayPort),
      KAFKA_BROKERS: broker,
      DATABASE_NAME,
      REDIS_KEY_PREFIX,
      JWT_SECRET,
      GATEWAY_INSTANCE_ID: 'bench',
      LOG_LEVEL: 'warn',
    },
  });
  return child;
}

async function waitReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the gateway at ${url} was not ready within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** Produces one update per user in `users`, at `perSecond`, in 20 ms slices; stamps each send in the fleet. */
async function produceRound(producer: Producer, fleet: SocketFleet, users: readonly string[], perSecond: number, tag: string): Promise<number> {
  const slice = Math.max(1, Math.round(perSecond / 50));
  const started = performance.now();
  for (let i = 0; i < users.length; i += slice) {
    const due = started + (i / perSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const now = Date.now();
    const messages = users.slice(i, i + slice).map((userId, k) => {
      const eventId = `bench-${RUN}-${tag}-${i + k}`;
      return { eventId, key: userId, value: JSON.stringify(syntheticExposure(userId, eventId, now)) };
    });
    const sentAt = performance.now();
    for (const m of messages) fleet.sentAt.set(m.eventId, sentAt);
    await producer.send({ topic: Topics.positions, messages: messages.map(({ key, value }) => ({ key, value })) });
  }
  return (performance.now() - started) / 1000;
}

async function waitForDeliveries(fleet: SocketFleet, expected: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (fleet.delivered < expected && Date.now() < deadline) await sleep(100);
}

async function main(): Promise<void> {
  const parsed = parseGatewayBenchOptions(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(GATEWAY_BENCH_USAGE);
    return;
  }
  const o = parsed;
  const broker = `127.0.0.1:${o.kafkaPort}`;
  const kafkaEnv = { ...process.env, KAFKA_PORT: String(o.kafkaPort), KAFKA_DATA_DIR: join(ROOT, 'tmp', 'bench-gateway-kafka') };
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  prepareInfrastructure(o, kafkaEnv);
  const url = `http://127.0.0.1:${o.gatewayPort}`;
  const gateway = startGateway(o, broker);
  const kafka = new Kafka({ clientId: 'bench-gateway', brokers: [broker], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
  const fleet = new SocketFleet(url);
  try {
    await waitReady(url);
    await producer.connect();
    await redis.connect();
    const users = Array.from({ length: o.sockets }, (_, i) => `bench-gw-${RUN}-${i}`);
    const referenceMicros = machineReferenceMicros();
    console.log(`machine reference workload: ${referenceMicros.toFixed(0)}µs`);

    // 1. Connect.
    const connectWallMs = await fleet.connect(users, tokenFor, o.connectConcurrency);
    const connect = summarize(fleet.connectMs);
    console.log(`connect: ${fleet.sockets.length} of ${o.sockets} sockets in ${(connectWallMs / 1000).toFixed(1)} s (${((fleet.sockets.length / connectWallMs) * 1000).toFixed(0)}/s), per socket ${ms(connect)}${fleet.refused.length ? `; refused ${fleet.refused.length}, first: ${fleet.refused[0]}` : ''}`);
    const connected = fleet.sockets.map((s) => s.userId);
    await sleep(2_000); // let the last handshakes' room joins settle before timing deliveries

    // Baseline: one update at a time on an otherwise idle gateway (the broker hop and the relay, nothing queued).
    for (let i = 0; i < 50; i++) {
      await produceRound(producer, fleet, [connected[(i * 7919) % connected.length] as string], 1, `idle${i}`);
      await sleep(40);
    }
    await waitForDeliveries(fleet, 50, 10_000);
    const idle = summarize(fleet.takeLatencies());
    console.log(`idle, one update at a time (broker hop + relay): ${ms(idle)}`);

    // 2. Fan-out under load.
    const before = fleet.delivered;
    let sendSeconds = 0;
    for (let round = 0; round < o.rounds; round++) sendSeconds += await produceRound(producer, fleet, connected, o.eventsPerSecond, `r${round}`);
    const expected = connected.length * o.rounds;
    await waitForDeliveries(fleet, before + expected);
    const fanout = summarize(fleet.takeLatencies());
    const missing = expected - (fleet.delivered - before);
    console.log(
      `fan-out: ${expected} updates to ${connected.length} sockets at ${(expected / sendSeconds).toFixed(0)}/s: ${ms(fanout)}; missing ${missing}, cross-user ${fleet.crossUser}` +
        `  (target p99 ≤ 50 ms, 0 cross-user: ${fanout.p99 <= 50 && fleet.crossUser === 0 && missing === 0 ? 'met' : 'MISSED'})`,
    );

    // 3. REST reads under load: the sockets stay connected and a round of updates flows meanwhile.
    const readers = connected.slice(0, o.restUsers);
    for (let i = 0; i < readers.length; i += 500) {
      const batch = readers.slice(i, i + 500);
      await redis.mset(...batch.flatMap((u) => [`${REDIS_KEY_PREFIX}exposure:${u}`, JSON.stringify(syntheticExposure(u, `seed-${u}`, Date.now()))]));
    }
    const targets = readers.map((u) => ({ url: `${url}/v1/users/${u}/exposure`, token: tokenFor(u) }));
    await restLoad(targets.slice(0, 100), o.restConcurrency, 1); // warm-up
    const background = produceRound(producer, fleet, connected, Math.min(o.eventsPerSecond, Math.ceil(connected.length / o.restSeconds)), 'rest');
    const reads = await restLoad(targets, o.restConcurrency, o.restSeconds);
    await background;
    const readSummary = summarize(reads.latenciesMs);
    const duringReads = summarize(fleet.takeLatencies());
    const failures = Object.entries(reads.failures).map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(
      `REST GET exposure, ${o.restConcurrency} in flight, ${readers.length} users: ${reads.perSec.toFixed(0)} req/s, ${ms(readSummary)}${failures ? `; failures ${failures}` : ''}` +
        `  (target ≥ 10,000/s, p99 ≤ 5 ms: ${reads.perSec >= 10_000 && readSummary.p99 <= 5 ? 'met' : 'MISSED'})`,
    );
    console.log(`fan-out while reading: ${ms(duringReads)}; cross-user deliveries in the whole run: ${fleet.crossUser}`);

    const results: BenchResult[] = [
      toResult(`socket connect (${o.connectConcurrency} at once)`, connect, (fleet.sockets.length / connectWallMs) * 1000),
      toResult('fan-out, idle, one update at a time', idle, idle.count / 2),
      toResult(`fan-out to ${connected.length} sockets`, fanout, expected / sendSeconds, { p99Micros: 50_000 }),
      toResult(`GET /v1/users/:userId/exposure (${o.restConcurrency} in flight, sockets connected)`, readSummary, reads.perSec, { p99Micros: 5_000, opsPerSec: 10_000 }),
      toResult('fan-out while reading', duringReads, 0),
    ];
    const record = {
      suite: 'gateway',
      at: new Date().toISOString(),
      revision: gitRevision(true),
      ...machineInfo(),
      machineReferenceMicros: referenceMicros,
      setup: { ...o, system: 'built gateway + own broker, PostgreSQL, Redis; load generator in one process on the same machine' },
      sockets: { requested: o.sockets, connected: fleet.sockets.length, refused: fleet.refused.length },
      deliveries: { expected: expected, missing, crossUser: fleet.crossUser, unknown: fleet.unknown },
      restFailures: reads.failures,
      results,
    };
    console.log(`results kept in ${keepResults('gateway', record)}`);
  } finally {
    fleet.close();
    await producer.disconnect().catch(() => undefined);
    const keys = await redis.keys(`${REDIS_KEY_PREFIX}*`).catch(() => [] as string[]);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000)).catch(() => undefined);
    redis.disconnect();
    const exited = new Promise<void>((r) => gateway.once('exit', () => r()));
    gateway.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    sh(['tools/kafka/kafka.sh', 'stop'], kafkaEnv);
    rmSync(join(ROOT, 'tmp', 'bench-gateway-kafka'), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
