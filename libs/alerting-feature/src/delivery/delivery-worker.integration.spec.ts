import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import type { AlertChannel, AlertNotification } from '@hyperdex/contracts';
import { ServiceMetrics } from '@hyperdex/observability';
import { AlertDeliveryRepository, TypeOrmSqlDatabase, dataSourceOptions, runMigrations, type DatabaseSettings } from '@hyperdex/persistence';
import { verifyWebhook } from '../channels/webhook-signature';
import { HttpReceiver } from '../testing/http-receiver';
import { deliveriesFor } from './deliveries-for';
import { DeliveryWorkerService, type DeliveryConfig } from './delivery-worker.service';

/** Real PostgreSQL on this machine (a fresh database per run) and a real HTTP receiver that is down, then up. */
const settings: DatabaseSettings = {
  host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
  port: Number(process.env['DATABASE_PORT'] ?? 5432),
  user: process.env['DATABASE_USER'] ?? 'postgres',
  password: process.env['DATABASE_PASSWORD'],
  database: 'hyperdex_alert_delivery_test',
  poolSize: 4,
  ssl: false,
};
const admin = async (sql: string) => {
  const client = new Client({ host: settings.host, port: settings.port, user: settings.user, password: settings.password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const SECRET = 'whsec-0123456789abcdef';
const notification = (alertId: string): AlertNotification => ({
  alert: { alertId, ruleId: 'max-exposure', kind: 'MaxExposure', userId: 'ann', severity: 'critical', level: 'breach', observedValue: '150000', threshold: '100000', message: 'over', triggeredAt: Date.now(), sourceEventId: 'e' },
  status: 'open',
  recordedAt: Date.now(),
  event: 'opened',
  version: 1,
});
const config = (maxAttempts: number): DeliveryConfig => ({
  ALERT_DELIVERY_MAX_ATTEMPTS: maxAttempts,
  ALERT_DELIVERY_BACKOFF_MS: 50,
  ALERT_DELIVERY_MAX_BACKOFF_MS: 200,
  ALERT_DELIVERY_TIMEOUT_MS: 1000,
  ALERT_DELIVERY_POLL_MS: 20,
  ALERT_DELIVERY_CONCURRENCY: 4,
});
const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('delivery worker against a receiver that is down, then up', () => {
  jest.setTimeout(60_000);
  let dataSource: DataSource;
  let repo: AlertDeliveryRepository;
  const receiver = new HttpReceiver();
  let port: number;
  const workers: DeliveryWorkerService[] = [];

  const startWorker = (maxAttempts: number) => {
    const metrics = new ServiceMetrics('alerting-spec');
    const worker = new DeliveryWorkerService(repo, config(maxAttempts), { timeoutMs: 1000, now: () => Date.now(), email: null, telegramApiUrl: 'http://unused' }, () => Date.now(), pino({ level: 'silent' }), metrics);
    worker.onApplicationBootstrap();
    workers.push(worker);
    return { worker, metrics };
  };

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${settings.database}`);
    await runMigrations(settings);
    dataSource = new DataSource(dataSourceOptions(settings));
    await dataSource.initialize();
    repo = new AlertDeliveryRepository(new TypeOrmSqlDatabase(dataSource));
    // A port nobody listens on yet: the receiver starts there later.
    const probe = new HttpReceiver();
    port = Number(new URL(await probe.start()).port);
    await probe.stop();
  });
  afterAll(async () => {
    for (const w of workers) await w.onModuleDestroy();
    await receiver.stop();
    await dataSource?.destroy();
  });

  it('delivers each alert exactly once per delivery id, with every attempt recorded', async () => {
    const channel: AlertChannel = { kind: 'webhook', url: `http://127.0.0.1:${port}/hooks`, secret: SECRET, minSeverity: 'info' };
    // The trade behind the alert was ingested an hour before the risk service raised it (a backlog, say).
    const ingestedAt = Date.now() - 3_600_000;
    const deliveries = deliveriesFor(notification('max-exposure:ann:1'), [channel], ingestedAt);
    // Two workers share the queue, as two alerting instances would.
    const registries = [startWorker(20).metrics, startWorker(20).metrics];
    expect(await repo.enqueue(deliveries, 20, Date.now())).toBe(1);
    expect(await repo.enqueue(deliveries, 20, Date.now())).toBe(0); // the same change again creates nothing
    const id = deliveries[0]?.deliveryId as string;
    await until('three failed attempts', async () => ((await repo.find(id))?.attempts ?? 0) >= 3);

    // The receiver comes back, failing once more with a 503 before it accepts.
    let answered = 0;
    receiver.answer = () => (answered++ === 0 ? 503 : 200);
    await receiver.start(port);
    await until('the delivery', async () => (await repo.find(id))?.status === 'delivered');
    await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive

    const accepted = receiver.requests.filter((_, i) => i > 0);
    expect(accepted).toHaveLength(1);
    expect(receiver.requests.map((r) => r.headers['x-hyperdex-delivery'])).toEqual([id, id]);
    const body = accepted[0]?.body ?? '';
    expect(JSON.parse(body)).toMatchObject({ id, type: 'alert.opened', alert: { alertId: 'max-exposure:ann:1', state: 'open' } });
    expect(verifyWebhook(SECRET, body, accepted[0]?.headers['x-hyperdex-signature'] as string, Math.floor(Date.now() / 1000))).toBeNull();

    const attempts = await repo.attempts(id);
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    expect(attempts.slice(0, -2).every((a) => a.outcome === 'failed' && a.statusCode === null && a.error === 'ECONNREFUSED')).toBe(true);
    expect(attempts.slice(-2).map((a) => [a.outcome, a.statusCode])).toEqual([
      ['failed', 503],
      ['delivered', 200],
    ]);
    expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1));
    const counted = await Promise.all(registries.map(async (m) => (await m.registry.getSingleMetric('hyperdex_alerts_delivered_total')?.get())?.values ?? []));
    const total = (outcome: string) => counted.flat().reduce((n, v) => (v.labels['outcome'] === outcome ? n + v.value : n), 0);
    expect(total('delivered')).toBe(1);
    expect(total('failed')).toBe(attempts.length - 1);

    // Latency runs from the ingestion carried with the delivery, not from the alert's triggeredAt.
    expect((await repo.find(id))?.ingestedAt).toBe(ingestedAt);
    const latency = await Promise.all(registries.map(async (m) => (await m.registry.getSingleMetric('hyperdex_alert_delivery_seconds')?.get())?.values ?? []));
    const observed = (name: string) => latency.flat().reduce((n, v) => ('metricName' in v && v.metricName === name && v.labels['channel'] === 'webhook' ? n + v.value : n), 0);
    expect(observed('hyperdex_alert_delivery_seconds_count')).toBe(1);
    expect(observed('hyperdex_alert_delivery_seconds_sum')).toBeGreaterThanOrEqual(3600);
  });

  it('dead-letters after the last attempt, and a redelivery reaches the receiver under the same id', async () => {
    receiver.requests.length = 0;
    receiver.answer = () => 500;
    const channel: AlertChannel = { kind: 'webhook', url: `http://127.0.0.1:${port}/hooks`, secret: SECRET, minSeverity: 'info' };
    const [delivery] = deliveriesFor(notification('max-exposure:ann:2'), [channel]);
    const id = delivery?.deliveryId as string;
    await repo.enqueue(delivery ? [delivery] : [], 3, Date.now());
    workers[0]?.kick();
    await until('the dead letter', async () => (await repo.find(id))?.status === 'dead');
    expect(await repo.list('ann', 'dead', 10)).toEqual([expect.objectContaining({ deliveryId: id, attempts: 3, lastError: 'answered 500' })]);

    receiver.answer = () => 204;
    expect(await repo.redeliver(id, 3, Date.now())).toMatchObject({ status: 'pending', maxAttempts: 6 });
    expect(await repo.redeliver(id, 3, Date.now())).toBeNull(); // only a dead delivery can be redelivered
    workers[0]?.kick();
    await until('the redelivery', async () => (await repo.find(id))?.status === 'delivered');
    expect(receiver.requests.map((r) => [r.headers['x-hyperdex-delivery'], JSON.parse(r.body).id])).toEqual(Array.from({ length: 4 }, () => [id, id]));
    expect((await repo.attempts(id)).map((a) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'delivered']);
  });
});
