import path from 'node:path';

/** The e2e stack runs beside a developer's `npm run stack` without touching it: own ports, broker, database. */
export const ROOT = path.resolve(__dirname, '../../../..');
export const KAFKA_PORT = 19092;
export const KAFKA_BROKER = `127.0.0.1:${KAFKA_PORT}`;
export const KAFKA_DATA_DIR = path.join(ROOT, 'tmp/e2e-kafka');
export const LOG_DIR = path.join(ROOT, 'tmp/e2e-logs');
export const DATABASE_NAME = 'hyperdex_e2e';
export const API_KEY = 'e2e-ingestion-key-0123456789';
export const JWT_SECRET = 'e2e-jwt-secret-0123456789-0123456789';
export const MAX_EXPOSURE_USD = '100000';
/** Above every other suite's losses on the shared stack; the alert lifecycle suite crosses it on purpose. */
export const DAILY_LOSS_LIMIT_USD = '25000';
/** The SMTP server the alert delivery suite starts; the alerting service sends its email there. */
export const SMTP_PORT = 4025;
/** Low, so the cross-user suite can reach the per-user socket cap; no other suite opens this many for one user. */
export const MAX_SOCKETS_PER_USER = '4';
export const PORTS = { gateway: 4000, ingestion: 4001, positions: 4002, risk: 4003, alerting: 4004 } as const;
export const INGESTION_URL = `http://127.0.0.1:${PORTS.ingestion}`;
/** The local JSON-RPC node the chain-follow suite serves; ingestion follows chain 1 there from block 100. */
export const CHAIN_NODE_PORT = 19545;
export const GATEWAY_URL = `http://127.0.0.1:${PORTS.gateway}`;

export const SERVICE_ENV: Record<string, string> = {
  KAFKA_BROKERS: KAFKA_BROKER,
  DATABASE_NAME,
  REDIS_KEY_PREFIX: `hyperdex-e2e-${process.pid}:`,
  INGESTION_API_KEYS: API_KEY,
  JWT_SECRET,
  RISK_MAX_EXPOSURE_USD: MAX_EXPOSURE_USD,
  RISK_DAILY_LOSS_LIMIT_USD: DAILY_LOSS_LIMIT_USD,
  // Short enough for a test to see an open alert re-notified.
  ALERT_RENOTIFY_INTERVAL_MS: '3000',
  ALERT_RENOTIFY_SCAN_MS: '500',
  ALERT_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  ALERT_EMAIL_FROM: 'HyperDEX Risk <alerts@hyperdex.test>',
  // Quick retries so a receiver that comes back is reached within the test.
  ALERT_DELIVERY_BACKOFF_MS: '200',
  ALERT_DELIVERY_MAX_BACKOFF_MS: '1000',
  ALERT_DELIVERY_MAX_ATTEMPTS: '60',
  ALERT_DELIVERY_POLL_MS: '100',
  LOG_LEVEL: 'info',
  GATEWAY_INSTANCE_ID: 'e2e',
  GATEWAY_MAX_SOCKETS_PER_USER: MAX_SOCKETS_PER_USER,
  POSITIONS_INSTANCE_ID: 'e2e',
  RISK_INSTANCE_ID: 'e2e',
  // The broker's minimum: a killed consumer's partitions move to its replacement within seconds.
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  // A service that builds an event breaking its own topic's contract fails the test at the source.
  KAFKA_VALIDATE_OUTGOING: 'true',
  // The node is up only while the chain-follow suite runs; until then each poll fails and is retried.
  CHAIN_FOLLOW: `1:http://127.0.0.1:${CHAIN_NODE_PORT}`,
  CHAIN_FOLLOW_FROM_BLOCK: '100',
  CHAIN_FOLLOW_CONFIRMATIONS: '0',
  CHAIN_FOLLOW_POLL_MS: '300',
};

/** Pids of the services the run started, by name; tests that replace a service append the replacement's pid. */
export const PID_FILE = path.join(LOG_DIR, 'pids.json');

export const kafkaEnv = { ...process.env, KAFKA_PORT: String(KAFKA_PORT), KAFKA_DATA_DIR };
