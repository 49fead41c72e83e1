#!/usr/bin/env node
// `npm run stack`: PostgreSQL, Redis and a Kafka broker on this machine, then the five services as separate
// processes with readable interleaved logs. Ctrl-C stops the services and the broker this script started.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ROOT, startServices, waitReady, stopServices } = require('./launcher.cjs');
const jwt = require('jsonwebtoken');

const env = {
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`,
  INGESTION_API_KEYS: process.env.INGESTION_API_KEYS ?? 'local-dev-ingestion-key',
  JWT_SECRET: process.env.JWT_SECRET ?? 'local-dev-jwt-secret-change-me-0123456789',
  RISK_MAX_EXPOSURE_USD: process.env.RISK_MAX_EXPOSURE_USD ?? '100000',
  // Local use: the dashboard's "Use the demo token" button signs in as this user.
  GATEWAY_DEMO_USER: process.env.GATEWAY_DEMO_USER ?? 'demo',
};

const COLORS = { ingestion: 36, positions: 32, risk: 33, alerting: 35, gateway: 34 };
const LEVEL_COLORS = { fatal: 41, error: 31, warn: 33, info: 0, debug: 90, trace: 90 };
const useColor = process.stdout.isTTY;
const paint = (code, text) => (useColor && code ? `\x1b[${code}m${text}\x1b[0m` : text);
const OMIT = new Set(['level', 'time', 'service', 'msg', 'pid', 'hostname']);

/** One JSON log line → `12:00:01.123 positions  info  message key=value`. */
function pretty(service, line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${paint(COLORS[service], service.padEnd(10))} ${line}`;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const extras = Object.entries(entry)
    .filter(([k]) => !OMIT.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const level = String(entry.level ?? 'info');
  return `${paint(90, time)} ${paint(COLORS[service], service.padEnd(10))} ${paint(LEVEL_COLORS[level], level.padEnd(5))} ${entry.msg ?? ''}${extras ? ' ' + paint(90, extras) : ''}`;
}

const step = (msg) => console.log(paint(1, `stack: ${msg}`));
const run = (cmd, args, extraEnv = {}) => {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`stack: ${cmd} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
};

step('PostgreSQL, Redis, database and migrations');
run('bash', ['tools/infra/ensure-infra.sh']);
const kafkaWasRunning = spawnSync('bash', ['tools/kafka/kafka.sh', 'status'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
step(kafkaWasRunning ? 'Kafka broker already running' : 'starting the Kafka broker');
run('bash', ['tools/kafka/kafka.sh', 'start']);
step('building the services');
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'ingestion', 'positions', 'risk', 'alerting', 'gateway', 'dashboard'], { NX_DAEMON: 'false' });

const services = startServices({ env, onLine: (service, line) => console.log(pretty(service, line)) });
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  step('stopping the services');
  await stopServices(services);
  if (!kafkaWasRunning) {
    step('stopping the Kafka broker');
    execFileSync('bash', ['tools/kafka/kafka.sh', 'stop'], { cwd: ROOT, stdio: 'inherit' });
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
for (const s of services) {
  s.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`stack: ${s.name} exited (${signal ?? code}); stopping everything`);
    void shutdown(1);
  });
}

try {
  await waitReady(services);
} catch (error) {
  console.error(`stack: ${error.message}`);
  await shutdown(1);
}
const demoToken = jwt.sign({ sub: 'demo' }, env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '12h' });
console.log(`
${paint(1, 'HyperDEX Risk is up.')}  Ctrl-C stops it.
  gateway   http://127.0.0.1:3000  (Socket.IO + GET /v1/users/:userId/exposure)
  ingestion http://127.0.0.1:3001  (POST /v1/trades, /v1/prices; x-api-key: ${env.INGESTION_API_KEYS.split(',')[0]})
  positions :3002  risk :3003  alerting :3004  (each: /health/live /health/ready /metrics)
  kafka     ${env.KAFKA_BROKERS}
  dashboard http://127.0.0.1:3000/dashboard/#token=${demoToken}
  JWT for user "demo" (12 h): ${demoToken}
  Max exposure limit: ${env.RISK_MAX_EXPOSURE_USD} USD   (see README.md for the curl walk-through)
`);
