import 'reflect-metadata';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import type { AlertChannel, AlertSummary } from '@hyperdex/contracts';
import { ServiceMetrics } from '@hyperdex/observability';
import {
  AlertChannelRepository,
  AlertDeliveryRepository,
  AlertVolumeRepository,
  TypeOrmSqlDatabase,
  dataSourceOptions,
  runMigrations,
  type DatabaseSettings,
} from '@hyperdex/persistence';
import { HttpReceiver } from '../testing/http-receiver';
import { DeliveryDispatcherService, type AlertChange } from '../delivery/delivery-dispatcher.service';
import { DeliveryWorkerService } from '../delivery/delivery-worker.service';
import { HeldSummaryService } from './held-summary.service';

/** Real PostgreSQL (a fresh database per run), a pinned clock, and a local receiver for the summary webhook. */
const settings: DatabaseSettings = {
  host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
  port: Number(process.env['DATABASE_PORT'] ?? 5432),
  user: process.env['DATABASE_USER'] ?? 'postgres',
  password: process.env['DATABASE_PASSWORD'],
  database: 'hyperdex_alert_volume_test',
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

const T0 = Date.UTC(2026, 5, 1, 10, 5);
const change = (userId: string, n: number, severity: 'warning' | 'critical' = 'critical'): AlertChange => ({
  notification: {
    alert: { alertId: `rule-${n}:${userId}:1`, ruleId: `rule-${n}`, kind: 'MaxExposure', userId, severity, observedValue: '2', threshold: '1', message: `change ${n}`, triggeredAt: T0, sourceEventId: 'e' },
    status: 'open',
    recordedAt: T0,
    event: 'opened',
    version: 1,
  },
});

describe('volume control on PostgreSQL', () => {
  jest.setTimeout(60_000);
  let dataSource: DataSource;
  let channels: AlertChannelRepository;
  let deliveries: AlertDeliveryRepository;
  let volume: AlertVolumeRepository;
  let now = T0;
  const kicks: number[] = [];
  const worker = { kick: () => void kicks.push(now) };
  const receiver = new HttpReceiver();
  let base: string;
  let dispatcher: DeliveryDispatcherService;
  let summaries: HeldSummaryService;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${settings.database}`);
    await runMigrations(settings);
    dataSource = new DataSource(dataSourceOptions(settings));
    await dataSource.initialize();
    channels = new AlertChannelRepository(new TypeOrmSqlDatabase(dataSource));
    deliveries = new AlertDeliveryRepository(new TypeOrmSqlDatabase(dataSource));
    volume = new AlertVolumeRepository(new TypeOrmSqlDatabase(dataSource));
    base = await receiver.start();
    const clock = () => now;
    dispatcher = new DeliveryDispatcherService(channels, deliveries, volume, worker, { ALERT_DELIVERY_MAX_ATTEMPTS: 5 }, clock);
    summaries = new HeldSummaryService(volume, channels, worker, { ALERT_RENOTIFY_SCAN_MS: 1000 }, { ALERT_DELIVERY_MAX_ATTEMPTS: 5 }, clock, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await receiver.stop();
    await dataSource?.destroy();
  });

  const webhook = (path: string): AlertChannel => ({ kind: 'webhook', url: `${base}/${path}`, secret: 'whsec-0123456789abcdef', minSeverity: 'info' });

  it('sends up to the hourly cap and holds the rest, the same decision for a redelivered change', async () => {
    await channels.put('ann', [webhook('ann')], { maxPerHour: 2, muteWindows: [] });
    expect(await dispatcher.dispatch([change('ann', 1), change('ann', 2), change('ann', 3), change('ann', 4)])).toBe(2);
    expect(await dispatcher.dispatch([change('ann', 2), change('ann', 3)])).toBe(0);
    expect((await volume.pending('ann')).map((h) => [h.notification.alert.ruleId, h.reason])).toEqual([
      ['rule-3', 'hourly-cap'],
      ['rule-4', 'hourly-cap'],
    ]);
    expect(await summaries.release()).toBe(0); // the hour has not ended
  });

  it('summarises the overflow in one message per channel when the hour ends, and sends it', async () => {
    now = Date.UTC(2026, 5, 1, 11, 0, 1);
    expect(await summaries.release()).toBe(1);
    expect(await summaries.release()).toBe(0);
    const [summary] = (await deliveries.list('ann', 'pending', 10)).filter((d) => d.summary !== null);
    expect(summary?.summary).toMatchObject({ count: 2, reasons: ['hourly-cap'], alerts: [{ ruleId: 'rule-3' }, { ruleId: 'rule-4' }] });

    const sender = new DeliveryWorkerService(
      deliveries,
      { ALERT_DELIVERY_MAX_ATTEMPTS: 5, ALERT_DELIVERY_BACKOFF_MS: 50, ALERT_DELIVERY_MAX_BACKOFF_MS: 100, ALERT_DELIVERY_TIMEOUT_MS: 1000, ALERT_DELIVERY_POLL_MS: 1000, ALERT_DELIVERY_CONCURRENCY: 4 },
      { timeoutMs: 1000, now: () => now, email: null, telegramApiUrl: 'http://unused' },
      () => now,
      pino({ level: 'silent' }),
      new ServiceMetrics('volume-spec'),
    );
    await sender.drain();
    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as { type: string; summary?: AlertSummary });
    // Sent side by side: in any order.
    expect(bodies.map((b) => b.type).sort()).toEqual(['alert.opened', 'alert.opened', 'alert.summary']);
    expect(bodies.find((b) => b.summary)?.summary?.alerts.map((a) => a.message)).toEqual(['change 3', 'change 4']);
    // A new hour starts a new count.
    expect(await dispatcher.dispatch([change('ann', 5)])).toBe(1);
  });

  it('holds everything during a mute window and summarises it when the window ends', async () => {
    await channels.put('bob', [webhook('bob'), { kind: 'email', to: 'bob@example.com', minSeverity: 'critical' }], { maxPerHour: null, muteWindows: [{ from: '22:00', to: '06:00' }] });
    now = Date.UTC(2026, 5, 1, 23, 30);
    expect(await dispatcher.dispatch([change('bob', 1, 'warning'), change('bob', 2, 'critical')])).toBe(0);
    now = Date.UTC(2026, 5, 2, 5, 59);
    expect(await summaries.release()).toBe(0);
    now = Date.UTC(2026, 5, 2, 6, 0);
    expect(await summaries.release()).toBe(1);
    const held = (await deliveries.list('bob', undefined, 10)).map((d) => [d.channel.kind, d.summary?.count, d.summary?.reasons]);
    // One summary per channel whose minimum severity the worst held change meets.
    expect(held.sort()).toEqual([
      ['email', 2, ['muted']],
      ['webhook', 2, ['muted']],
    ]);
    expect(await dispatcher.dispatch([change('bob', 3)])).toBe(2); // after the window: sent at once
  });
});
