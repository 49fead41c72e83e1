import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { RiskAlert } from '@hyperdex/contracts';
import { acknowledgeEpisode, episodeFromRiskAlert, renotifyEpisode } from '@hyperdex/risk-core';
import { dataSourceOptions, runMigrations } from './postgres/data-source';
import type { DatabaseSettings } from './postgres/database.settings';
import { AlertEpisodeRepository } from './postgres/repositories/alert-episode.repository';
import { TypeOrmSqlDatabase } from './postgres/typeorm-sql-database';

/** Real PostgreSQL on this machine; a fresh database per run. */
const settings: DatabaseSettings = {
  host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
  port: Number(process.env['DATABASE_PORT'] ?? 5432),
  user: process.env['DATABASE_USER'] ?? 'postgres',
  password: process.env['DATABASE_PASSWORD'],
  database: 'hyperdex_alert_episodes_test',
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

const T0 = Date.UTC(2026, 5, 1, 12);
const riskAlert = (userId: string, ruleId: string, seq: number, change: RiskAlert['change'], level: RiskAlert['level']): RiskAlert => ({
  alertId: `${ruleId}:${userId}:${seq}`,
  ruleId,
  kind: 'MaxExposure',
  userId,
  severity: level === 'breach' ? 'critical' : 'warning',
  level,
  change,
  observedValue: '150000.25',
  threshold: '100000',
  message: 'over',
  triggeredAt: T0 + seq,
  sourceEventId: `evt-${seq}`,
});

describe('AlertEpisodeRepository on PostgreSQL', () => {
  let dataSource: DataSource;
  let repo: AlertEpisodeRepository;
  let now = T0;
  const fold = (current: Parameters<typeof episodeFromRiskAlert>[0], incoming: RiskAlert) => episodeFromRiskAlert(current, incoming, now);

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${settings.database}`);
    await runMigrations(settings);
    dataSource = new DataSource(dataSourceOptions(settings));
    await dataSource.initialize();
    repo = new AlertEpisodeRepository(new TypeOrmSqlDatabase(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('keeps one episode per (user, rule) through warning, escalation and clearance, in one batch', async () => {
    const batch = [
      riskAlert('ann', 'max-exposure', 1, 'warning', 'warning'),
      riskAlert('ann', 'max-exposure', 2, 'escalated', 'breach'),
      riskAlert('ann', 'max-exposure', 3, 'cleared', 'ok'),
      riskAlert('ann', 'max-exposure', 4, 'breach', 'breach'),
    ];
    const notes = (await repo.applyRiskAlerts(batch, fold)).map((r) => r.notification);
    expect(notes.map((n) => [n.alert.alertId, n.event, n.status, n.version])).toEqual([
      ['max-exposure:ann:1', 'opened', 'open', 1],
      ['max-exposure:ann:1', 'escalated', 'open', 2],
      ['max-exposure:ann:1', 'resolved', 'resolved', 3],
      ['max-exposure:ann:4', 'opened', 'open', 1],
    ]);
    const page = await repo.history({ userId: 'ann', limit: 10 });
    expect(page.items.map((e) => [e.alert.alertId, e.state])).toEqual([
      ['max-exposure:ann:4', 'open'],
      ['max-exposure:ann:1', 'resolved'],
    ]);
  });

  it('republishes, on redelivery, the notification each risk alert produced, and changes nothing', async () => {
    const again = await repo.applyRiskAlerts([riskAlert('ann', 'max-exposure', 3, 'cleared', 'ok'), riskAlert('ann', 'max-exposure', 4, 'breach', 'breach')], fold);
    expect(again.map(({ riskAlertId, notification: n }) => [riskAlertId, n.alert.alertId, n.event, n.version])).toEqual([
      ['max-exposure:ann:3', 'max-exposure:ann:1', 'resolved', 3],
      ['max-exposure:ann:4', 'max-exposure:ann:4', 'opened', 1],
    ]);
    expect((await repo.find('max-exposure:ann:4'))?.version).toBe(1);
    expect(await repo.countOpen()).toBe(1);
  });

  it('applies an action with the row locked, and re-notifies due open episodes once', async () => {
    now = T0 + 60_000;
    const due = await repo.renotifyDue(now, 30_000, 100, (e) => renotifyEpisode(e, now, 30_000));
    expect(due.map((c) => [c.episode.alert.alertId, c.event, c.episode.notifications])).toEqual([['max-exposure:ann:4', 'renotified', 2]]);
    expect(await repo.renotifyDue(now, 30_000, 100, (e) => renotifyEpisode(e, now, 30_000))).toEqual([]);
    const acked = await repo.change('max-exposure:ann:4', (e) => acknowledgeEpisode(e, 'ann', now + 1));
    expect(acked?.episode).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'ann', version: 3 });
    expect(await repo.change('nope', (e) => acknowledgeEpisode(e, 'ann', now))).toBeNull();
    expect(await repo.renotifyDue(now + 1_000_000, 30_000, 100, (e) => renotifyEpisode(e, now + 1_000_000, 30_000))).toEqual([]);
  });

  it('pages history newest first with a cursor, filtered by state, severity, rule and time', async () => {
    now = T0 + 100_000;
    for (let i = 0; i < 5; i++) {
      now += 1000;
      await repo.applyRiskAlerts([riskAlert('bea', `rule-${i}`, 10 + i, i % 2 ? 'breach' : 'warning', i % 2 ? 'breach' : 'warning')], fold);
    }
    const first = await repo.history({ userId: 'bea', limit: 2 });
    expect(first.items.map((e) => e.alert.ruleId)).toEqual(['rule-4', 'rule-3']);
    const second = await repo.history({ userId: 'bea', limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((e) => e.alert.ruleId)).toEqual(['rule-2', 'rule-1']);
    const third = await repo.history({ userId: 'bea', limit: 2, cursor: second.nextCursor ?? undefined });
    expect(third).toEqual({ items: [expect.objectContaining({ state: 'open' })], nextCursor: null });
    expect((await repo.history({ userId: 'bea', limit: 10, severity: 'critical' })).items.map((e) => e.alert.ruleId)).toEqual(['rule-3', 'rule-1']);
    expect((await repo.history({ userId: 'bea', limit: 10, ruleId: 'rule-2' })).items).toHaveLength(1);
    expect((await repo.history({ userId: 'bea', limit: 10, from: T0 + 102_000, to: T0 + 104_000 })).items.map((e) => e.alert.ruleId)).toEqual(['rule-2', 'rule-1']);
    expect((await repo.history({ userId: 'bea', limit: 10, state: 'resolved' })).items).toEqual([]);
    expect((await repo.history({ userId: 'nobody', limit: 10 })).items).toEqual([]);
  });
});
