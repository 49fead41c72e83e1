import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';
import { dataSourceOptions, runMigrations } from './postgres/data-source';
import type { DatabaseSettings } from './postgres/database.settings';
import { ExposureHistoryRepository } from './postgres/repositories/exposure-history.repository';
import { RiskMetricsLatestRepository } from './postgres/repositories/risk-metrics-latest.repository';
import { TradeHistoryRepository } from './postgres/repositories/trade-history.repository';
import { TypeOrmSqlDatabase } from './postgres/typeorm-sql-database';

/** Real PostgreSQL (no TimescaleDB here, so the range-partitioned path); a fresh database per run. */
const settings: DatabaseSettings = {
  host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
  port: Number(process.env['DATABASE_PORT'] ?? 5432),
  user: process.env['DATABASE_USER'] ?? 'postgres',
  password: process.env['DATABASE_PASSWORD'],
  database: 'hyperdex_gateway_reads_test',
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

const JAN_31 = Date.UTC(2026, 0, 31, 23, 58, 10);
const snapshot = (userId: string, eventId: string, asOf: number, gross: string, realized = '0', unrealized = '0'): ExposureUpdate => ({
  eventId,
  userId,
  asOf,
  cause: { kind: 'price', chainId: 1, token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' },
  grossExposureUsd: gross,
  netExposureUsd: gross,
  stablecoinExposureUsd: '0',
  volatileExposureUsd: gross,
  realizedPnlUsd: realized,
  unrealizedPnlUsd: unrealized,
  feesUsd: '0',
  pnlComplete: true,
  positions: [],
  unpriced: [],
  oldestPriceAt: null,
});

describe('gateway reads on PostgreSQL', () => {
  let dataSource: DataSource;
  let db: TypeOrmSqlDatabase;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${settings.database}`);
    await runMigrations(settings);
    dataSource = new DataSource(dataSourceOptions(settings));
    await dataSource.initialize();
    db = new TypeOrmSqlDatabase(dataSource);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('stores history in monthly range partitions, once per snapshot, and buckets it in UTC', async () => {
    const repo = new ExposureHistoryRepository(db);
    const batch = [
      snapshot('ana', 'e1', JAN_31, '100.5', '1', '2'),
      snapshot('ana', 'e2', JAN_31 + 20_000, '300', '1', '-0.25'), // same minute as e1: the bucket's close
      snapshot('ana', 'e3', JAN_31 + 120_000, '200', '5', '0'), // 2026-02-01 00:00:10, February's partition
      snapshot('bob', 'b1', JAN_31, '999'),
    ];
    await repo.recordMany(batch);
    // A second writer (another instance) redelivering the batch stores nothing twice.
    await new ExposureHistoryRepository(db).recordMany(batch);

    const partitions = await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'exposure_history'::regclass ORDER BY 1`,
    );
    expect(partitions.map((p) => p.name)).toEqual(['exposure_history_p202601', 'exposure_history_p202602']);

    const minutes = await repo.series('ana', 'minute', JAN_31 - 3_600_000, JAN_31 + 3_600_000);
    expect(minutes).toEqual([
      { t: Date.UTC(2026, 0, 31, 23, 58), grossExposureUsd: '300', maxGrossExposureUsd: '300', netExposureUsd: '300', equityUsd: '0.75', realizedPnlUsd: '1', unrealizedPnlUsd: '-0.25', samples: 2 },
      { t: Date.UTC(2026, 1, 1, 0, 0), grossExposureUsd: '200', maxGrossExposureUsd: '200', netExposureUsd: '200', equityUsd: '5', realizedPnlUsd: '5', unrealizedPnlUsd: '0', samples: 1 },
    ]);
    const days = await repo.series('ana', 'day', Date.UTC(2026, 0, 1), Date.UTC(2026, 2, 1));
    expect(days.map((d) => [d.t, d.grossExposureUsd, d.maxGrossExposureUsd, d.samples])).toEqual([
      [Date.UTC(2026, 0, 31), '300', '300', 2],
      [Date.UTC(2026, 1, 1), '200', '200', 1],
    ]);
    // [from, to) bounds: the February snapshot is outside a range ending at midnight.
    expect(await repo.series('ana', 'hour', JAN_31 - 60_000, Date.UTC(2026, 1, 1))).toHaveLength(1);
  });

  it('keeps the newest risk metrics per user, whatever order they arrive in', async () => {
    const repo = new RiskMetricsLatestRepository(db);
    const metrics = (eventId: string, asOf: number) => ({ eventId, userId: 'cy', asOf, tradingState: 'ACTIVE' }) as unknown as RiskMetrics;
    await repo.putMany([metrics('m2', JAN_31 + 2), metrics('m1', JAN_31 + 1)]);
    await repo.putMany([metrics('m0', JAN_31)]);
    expect((await repo.get('cy'))?.eventId).toBe('m2');
    expect(await repo.get('nobody')).toBeNull();
  });

  it('pages the ledger newest first by booking order, retractions marked', async () => {
    for (let i = 1; i <= 5; i++) {
      await db.query(
        `INSERT INTO trades (trade_id, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out, executed_at, kind, retracted_at)
         VALUES ($1, 'dee', 1, 'uniswap-v3', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', $2, 1, $3, 'swap', $4)`,
        [`t${i}`, String(10n ** 30n + BigInt(i)), new Date(JAN_31 + i), i === 2 ? new Date(JAN_31 + 10) : null],
      );
    }
    const repo = new TradeHistoryRepository(db);
    const first = await repo.page('dee', 2);
    expect(first.items.map((t) => t.tradeId)).toEqual(['t5', 't4']);
    expect(first.items[0]?.amountIn).toBe('1000000000000000000000000000005');
    const second = await repo.page('dee', 2, first.nextSeq ?? undefined);
    const third = await repo.page('dee', 2, second.nextSeq ?? undefined);
    expect(second.items.map((t) => t.tradeId)).toEqual(['t3', 't2']);
    expect(second.items[1]?.retractedAt).toBe(JAN_31 + 10);
    expect(third).toEqual({ items: [expect.objectContaining({ tradeId: 't1', executedAt: JAN_31 + 1 })], nextSeq: null });
  });
});
