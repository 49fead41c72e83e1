import 'reflect-metadata';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ExposureUpdate, RiskAlert, Trade, Transfer } from '@hyperdex/contracts';
import { PositionBook, parseUsd, type LedgerValuation } from '@hyperdex/risk-core';
import { PgliteSqlDatabase } from './pglite/pglite-sql-database';
import { MIGRATIONS, dataSourceOptions, runMigrations } from './postgres/data-source';
import type { DatabaseSettings } from './postgres/database.settings';
import { PostgresAlertRepository as AlertRepository } from './postgres/repositories/alert.repository';
import { PostgresPriceHistoryRepository } from './postgres/repositories/price-history.repository';
import { PostgresRiskStateRepository as RiskStateRepository } from './postgres/repositories/risk-state.repository';
import { PostgresTradeLedgerRepository as TradeLedgerRepository } from './postgres/repositories/trade-ledger.repository';
import { TypeOrmSqlDatabase } from './postgres/typeorm-sql-database';
import { RedisExposureCache as ExposureCache } from './redis/exposure-cache';
import type { SqlDatabase } from './sql/sql-database';
import { runSqlMigrations } from './sql/sql-migrations';

/** Real PostgreSQL and Redis on this machine (tools/infra/ensure-infra.sh starts them); a fresh database per run. */
const settings: DatabaseSettings = {
  host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
  port: Number(process.env['DATABASE_PORT'] ?? 5432),
  user: process.env['DATABASE_USER'] ?? 'postgres',
  password: process.env['DATABASE_PASSWORD'],
  database: 'hyperdex_persistence_test',
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

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const UINT256_MAX = ((1n << 256n) - 1n).toString();

const trade = (tradeId: string, amountIn = '3000000000', amountOut = '1000000000000000000'): Trade => ({
  tradeId,
  userId: 'alice',
  chainId: 1,
  dex: 'uniswap-v3',
  tokenIn: USDC,
  tokenOut: WETH,
  amountIn,
  amountOut,
  timestamp: 1_764_000_000_000,
});

const booked = (valueUsd: string | null): LedgerValuation => ({ valueUsd: valueUsd === null ? null : parseUsd(valueUsd), feesUsd: [] });

// Real databases on a 2-core machine shared with other suites: allow more than jest's 5 s default per test.
jest.setTimeout(30_000);

const ALL_MIGRATIONS = ['InitialSchema1764000000000', 'LedgerEvents1764500000000', 'RiskState1764600000000', 'AlertEpisodes1765000000000', 'GatewayReads1765600000000', 'PriceHistory1766000000000', 'DexPoolsFollowCursor1766300000000', 'AlertDeliveryIngestedAt1766500000000', 'PriceTicksByTime1766700000000'];

interface Backend {
  db: SqlDatabase;
  close: () => Promise<void>;
}

/** The repositories' SQL runs on PostgreSQL (the services) and on PGlite (the embedded mode): every test runs on both. */
const BACKENDS: Array<[string, () => Promise<Backend>]> = [
  [
    'PostgreSQL',
    async () => {
      await admin(`DROP DATABASE IF EXISTS ${settings.database} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${settings.database}`);
      expect(await runMigrations(settings)).toEqual(ALL_MIGRATIONS);
      expect(await runMigrations(settings)).toEqual([]);
      const dataSource = await new DataSource(dataSourceOptions(settings)).initialize();
      return { db: new TypeOrmSqlDatabase(dataSource), close: () => dataSource.destroy() };
    },
  ],
  [
    'PGlite',
    async () => {
      const db = await PgliteSqlDatabase.open(undefined);
      // The same TypeORM migration classes, run through the SQL port.
      expect(await runSqlMigrations(db, MIGRATIONS)).toEqual(ALL_MIGRATIONS);
      expect(await runSqlMigrations(db, MIGRATIONS)).toEqual([]);
      return { db, close: () => db.close() };
    },
  ],
];

describe.each(BACKENDS)('repositories on %s', (_name, open) => {
  let dataSource: SqlDatabase;
  let backend: Backend | undefined;

  beforeAll(async () => {
    backend = await open();
    dataSource = backend.db;
  }, 60_000);

  afterAll(async () => {
    await backend?.close();
  });

  it('keeps each price tick once, in the order received, and the ledger with the time each event was booked', async () => {
    const history = new PostgresPriceHistoryRepository(dataSource);
    const tick = { chainId: 1, token: WETH, priceUsd: '3000.5', timestamp: 1_764_000_000_000, source: 'spec' };
    await history.record([tick, { ...tick, timestamp: tick.timestamp + 60_000, priceUsd: '3001' }]);
    await history.record([tick]); // a restart re-reads the compacted topic: nothing new
    const kept = await history.loadUntil(Date.now() + 1000);
    expect(kept.map((k) => [k.tick.priceUsd, k.tick.timestamp])).toEqual([
      ['3000.5', tick.timestamp],
      ['3001', tick.timestamp + 60_000],
    ]);
    expect(await history.loadUntil(0)).toEqual([]);

    const ledger = new TradeLedgerRepository(dataSource);
    await ledger.recordEvent({ ...trade('h-1'), userId: 'henry' }, booked('3000'), null);
    const recorded = (await ledger.loadHistory(Date.now() + 1000, ['henry'])).filter((e) => e.entry.id === 'h-1');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.valuation).toEqual(booked('3000'));
    expect(recorded[0]?.recordedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(await ledger.loadHistory(Date.now() + 1000, ['nobody'])).toEqual([]);
  });

  it('gives back the last tick of each recent bar of every token, in time order, to rebuild the market model', async () => {
    const history = new PostgresPriceHistoryRepository(dataSource);
    const bar = 60_000;
    const t0 = 1_765_000_000_000 - (1_765_000_000_000 % bar); // a bar boundary after the other tests' ticks
    const tick = (token: string, at: number, priceUsd: string) => ({ chainId: 1, token, priceUsd, timestamp: at, source: 'bars' });
    // WETH: two ticks in each of 10 bars (the bar's close is the later); USDC: one tick, 8 bars before the newest.
    const weth = Array.from({ length: 10 }, (_, i) => [tick(WETH, t0 + i * bar + 1_000, `${3000 + i}.1`), tick(WETH, t0 + i * bar + 30_000, `${3000 + i}.2`)]).flat();
    await history.record([...weth.reverse(), tick(USDC, t0 + bar + 5_000, '1')]);

    const recent = await history.loadRecentBars(bar, 3);
    // The clock is WETH's newest tick (bar 9): bars 6 to 9 are within 3 bars of it, USDC (bar 1) is not.
    expect(recent.map((t) => [t.token, t.priceUsd, t.timestamp])).toEqual([
      [WETH, '3006.2', t0 + 6 * bar + 30_000],
      [WETH, '3007.2', t0 + 7 * bar + 30_000],
      [WETH, '3008.2', t0 + 8 * bar + 30_000],
      [WETH, '3009.2', t0 + 9 * bar + 30_000],
    ]);
    const all = await history.loadRecentBars(bar, 100);
    expect(all.filter((t) => t.token === USDC)).toEqual([tick(USDC, t0 + bar + 5_000, '1')]);
    expect(all.filter((t) => t.timestamp >= t0)).toHaveLength(11);
    expect(all.map((t) => t.timestamp)).toEqual([...all.map((t) => t.timestamp)].sort((a, b) => a - b));
  });

  it('applies a trade and its balance deltas once, however often it is recorded', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const t = trade('t-1');
    expect(await ledger.recordEvent(t, booked('3000'), { partition: 2, offset: '17' })).toBe(true);
    expect(await ledger.recordEvent(t, booked('3000'), { partition: 2, offset: '17' })).toBe(false);
    const t2 = trade('t-2', '1500000000', '500000000000000000');
    expect(await ledger.recordEvent(t2, booked('1500'), null)).toBe(true);
    const balances = await ledger.loadBalances('alice');
    expect(balances.sort((a, b) => a.token.localeCompare(b.token))).toEqual([
      { chainId: 1, token: USDC, balance: -4_500_000_000n },
      { chainId: 1, token: WETH, balance: 1_500_000_000_000_000_000n },
    ]);
    expect(await ledger.countTrades('alice')).toBe(2);
  });

  it('answers what it recorded under given ids, retracted ones included, to compare a resent id with', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    await ledger.recordEvent({ ...trade('r-1'), fees: [{ kind: 'protocol', token: USDC, amount: '5' }] }, booked('3000'), null);
    await ledger.recordEvent(trade('r-2'), booked('3000'), null);
    await ledger.retract({ kind: 'retraction', tradeId: 'r-2', userId: 'alice', chainId: 1, reason: 'reorg', timestamp: 1_764_000_001_000 });
    const recorded = await ledger.loadRecorded(['r-1', 'r-2', 'r-unknown', 'r-1']);
    expect([...recorded.keys()].sort()).toEqual(['r-1', 'r-2']);
    expect(recorded.get('r-1')).toEqual({
      userId: 'alice',
      retracted: false,
      entry: { kind: 'swap', id: 'r-1', chainId: 1, tokenIn: USDC, amountIn: 3_000_000_000n, tokenOut: WETH, amountOut: 10n ** 18n, fees: [{ token: USDC, amount: 5n }], timestamp: 1_764_000_000_000 },
    });
    expect(recorded.get('r-2')?.retracted).toBe(true);
    expect(await ledger.loadRecorded([])).toEqual(new Map());
  });

  it('finds the holders of a token by the partition of their latest event, leaving out closed positions', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const WBTC = '0x2260fac5e5542a773aa44fbcfed7c193bc2c599';
    const buy = (tradeId: string, userId: string) => ({ ...trade(tradeId), userId, tokenOut: WBTC, amountOut: '100' });
    await ledger.recordEvent(buy('hb-1', 'holder-a'), booked(null), { partition: 1, offset: '1' });
    await ledger.recordEvent(buy('hb-2', 'holder-b'), booked(null), { partition: 2, offset: '1' });
    // holder-c moved to partition 4 (its latest event), then sold everything it had on partition 1.
    await ledger.recordEvent(buy('hb-3', 'holder-c'), booked(null), { partition: 1, offset: '2' });
    await ledger.recordEvent({ ...buy('hb-4', 'holder-c'), tokenIn: WBTC, amountIn: '40', tokenOut: USDC, amountOut: '1' }, booked(null), { partition: 4, offset: '1' });
    await ledger.recordEvent(buy('hb-5', 'holder-d'), booked(null), { partition: 1, offset: '3' });
    await ledger.recordEvent({ ...buy('hb-6', 'holder-d'), tokenIn: WBTC, amountIn: '100', tokenOut: USDC, amountOut: '1' }, booked(null), { partition: 1, offset: '4' });
    expect(await ledger.loadHolders(1, WBTC, [1, 4])).toEqual([
      { userId: 'holder-a', partition: 1 },
      { userId: 'holder-c', partition: 4 },
    ]);
    expect(await ledger.loadHolders(1, WBTC, [2])).toEqual([{ userId: 'holder-b', partition: 2 }]);
    expect(await ledger.loadHolders(1, WBTC, [])).toEqual([]);
  });

  it('keeps every digit of a uint256 amount', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const t = { ...trade('t-max', '1', UINT256_MAX), userId: 'whale' };
    await ledger.recordEvent(t, booked(null), null);
    expect((await ledger.loadBalances('whale')).find((b) => b.token === WETH)?.balance.toString()).toBe(UINT256_MAX);
  });

  it('replays transfers, swaps with fees and their valuations into the same book, minus what a reorg retracted', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const user = 'replayer';
    const deposit: Transfer = { kind: 'transfer', transferId: 'r-dep', userId: user, chainId: 1, token: USDC, direction: 'in', amount: '5000000000', timestamp: 1_764_000_000_000 };
    const buy: Trade = { ...trade('r-buy'), userId: user, fees: [{ kind: 'gas', token: USDC, amount: '2000000' }] };
    const reorged: Trade = { ...trade('r-reorg', '1000000000', '300000000000000000'), userId: user };
    const live = new PositionBook();
    for (const [event, valuation] of [
      [deposit, booked('5000')],
      [buy, { valueUsd: parseUsd('3000'), feesUsd: [parseUsd('2')] }],
      [reorged, booked('1000')],
    ] as const) {
      expect(await ledger.recordEvent(event, valuation, null)).toBe(true);
    }
    expect(await ledger.retract({ kind: 'retraction', tradeId: 'r-reorg', userId: user, chainId: 1, reason: 'log removed', timestamp: 1_764_000_001_000 })).toBe(true);
    expect(await ledger.retract({ kind: 'retraction', tradeId: 'r-reorg', userId: user, chainId: 1, reason: 'again', timestamp: 1_764_000_002_000 })).toBe(false);

    const replayed = new PositionBook();
    for (const { entry, valuation } of await ledger.loadLedger(user)) replayed.apply(entry, valuation);
    live.apply({ kind: 'transfer', id: 'r-dep', chainId: 1, token: USDC, direction: 'in', amount: 5_000_000_000n, timestamp: 1_764_000_000_000 }, booked('5000'));
    live.apply({ kind: 'swap', id: 'r-buy', chainId: 1, tokenIn: USDC, amountIn: 3_000_000_000n, tokenOut: WETH, amountOut: 10n ** 18n, fees: [{ token: USDC, amount: 2_000_000n }], timestamp: 1_764_000_000_000 }, { valueUsd: parseUsd('3000'), feesUsd: [parseUsd('2')] });
    const show = (b: PositionBook) => b.entries();
    expect(show(replayed)).toEqual(show(live));
    const balances = await ledger.loadBalances(user);
    expect(balances.sort((a, b) => a.token.localeCompare(b.token))).toEqual([
      { chainId: 1, token: USDC, balance: 1_998_000_000n },
      { chainId: 1, token: WETH, balance: 10n ** 18n },
    ]);
    expect(await ledger.countTrades(user)).toBe(2);
  });

  it('records a batch in one go: duplicates inside the batch and across batches count once, balances exact', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const user = 'batcher';
    const mine = (t: Trade): Trade => ({ ...t, userId: user });
    const deposit: Transfer = { kind: 'transfer', transferId: 'b-dep', userId: user, chainId: 1, token: USDC, direction: 'in', amount: '9000000000', timestamp: 1_764_000_000_000 };
    const withdrawal: Transfer = { ...deposit, transferId: 'b-wd', direction: 'out', amount: '1000000' };
    const buy1 = mine({ ...trade('b-1'), fees: [{ kind: 'gas', token: USDC, amount: '5' }] });
    const buy2 = mine(trade('b-2', '1500000000', '500000000000000000'));
    const other: Trade = { ...trade('b-other', '7', '11'), userId: 'batcher-2' };
    const at = (offset: number) => ({ partition: 4, offset: String(offset) });

    const first = await ledger.recordEvents([
      { event: deposit, valuation: booked('9000'), source: at(1) },
      { event: buy1, valuation: { valueUsd: parseUsd('3000'), feesUsd: [parseUsd('0.000005')] }, source: at(2) },
      // The same id again in the batch: the first occurrence wins, even with another valuation.
      { event: buy1, valuation: booked('9999'), source: at(3) },
      { event: other, valuation: booked(null), source: at(4) },
      { event: withdrawal, valuation: booked('1'), source: at(5) },
    ]);
    expect([...first].sort()).toEqual(['b-1', 'b-dep', 'b-other', 'b-wd']);

    const second = await ledger.recordEvents([
      { event: buy1, valuation: booked('3000'), source: at(2) },
      { event: buy2, valuation: booked('1500'), source: at(6) },
      { event: deposit, valuation: booked('9000'), source: at(1) },
    ]);
    expect([...second]).toEqual(['b-2']);
    expect(await ledger.recordEvents([])).toEqual(new Set());

    const balances = await ledger.loadBalances(user);
    expect(balances.sort((a, b) => a.token.localeCompare(b.token))).toEqual([
      // 9,000 in, 3,000 + 5 base units of fee + 1,500 swapped, 1 out.
      { chainId: 1, token: USDC, balance: 9_000_000_000n - 3_000_000_005n - 1_500_000_000n - 1_000_000n },
      { chainId: 1, token: WETH, balance: 1_500_000_000_000_000_000n },
    ]);
    expect(await ledger.loadBalances('batcher-2')).toEqual(
      expect.arrayContaining([
        { chainId: 1, token: USDC, balance: -7n },
        { chainId: 1, token: WETH, balance: 11n },
      ]),
    );
    // Arrival order is kept, and the first occurrence's valuation is the one booked.
    const replayed = await ledger.loadLedger(user);
    expect(replayed.map((r) => r.entry.id)).toEqual(['b-dep', 'b-1', 'b-wd', 'b-2']);
    expect(replayed[1]?.valuation).toEqual({ valueUsd: parseUsd('3000'), feesUsd: [parseUsd('0.000005')] });
    const sources: Array<{ trade_id: string; source_offset: string }> = await dataSource.query(
      `SELECT trade_id, source_offset::text FROM trades WHERE user_id = $1 ORDER BY seq`,
      [user],
    );
    expect(sources).toEqual([
      { trade_id: 'b-dep', source_offset: '1' },
      { trade_id: 'b-1', source_offset: '2' },
      { trade_id: 'b-wd', source_offset: '5' },
      { trade_id: 'b-2', source_offset: '6' },
    ]);
  });

  it('loads several users\' ledgers in one query, each in arrival order, and an empty one for a user without events', async () => {
    const ledger = new TradeLedgerRepository(dataSource);
    const ledgers = await ledger.loadLedgers(['batcher', 'nobody-at-all', 'batcher-2']);
    expect([...ledgers.keys()]).toEqual(['batcher', 'nobody-at-all', 'batcher-2']);
    expect(ledgers.get('batcher')?.map((r) => r.entry.id)).toEqual(['b-dep', 'b-1', 'b-wd', 'b-2']);
    expect(ledgers.get('batcher-2')?.map((r) => r.entry.id)).toEqual(['b-other']);
    expect(ledgers.get('nobody-at-all')).toEqual([]);
    expect(await ledger.loadLedgers([])).toEqual(new Map());
  });

  it('saves and reloads a user risk state with its rule states, overwriting on each save', async () => {
    const repo = new RiskStateRepository(dataSource);
    expect(await repo.load('nobody')).toEqual({ state: null, rules: [] });
    await repo.save('risky', { v: 1 }, [{ ruleId: 'max-exposure', state: { level: 'warning' } }]);
    await repo.save('risky', { v: 2 }, [
      { ruleId: 'max-exposure', state: { level: 'breach' } },
      { ruleId: 'drawdown', state: { level: 'ok' } },
    ]);
    const loaded = await repo.load('risky');
    expect(loaded.state).toEqual({ v: 2 });
    expect(loaded.rules.sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual([
      { ruleId: 'drawdown', state: { level: 'ok' } },
      { ruleId: 'max-exposure', state: { level: 'breach' } },
    ]);
  });

  it('records an alert once and reports when it was first recorded', async () => {
    const alerts = new AlertRepository(dataSource);
    const alert: RiskAlert = {
      alertId: 'max-exposure:alice:evt-1',
      ruleId: 'max-exposure',
      kind: 'MaxExposure',
      userId: 'alice',
      severity: 'critical',
      observedValue: '150000.25',
      threshold: '100000',
      message: 'over',
      triggeredAt: 1_764_000_000_000,
      sourceEventId: 'evt-1',
    };
    const first = await alerts.recordIfNew(alert);
    expect(first).toBeInstanceOf(Date);
    expect(await alerts.recordIfNew(alert)).toBeNull();
    expect(await alerts.findRecordedAt(alert.alertId)).toEqual(first);
    const rows: Array<{ observed_value: string }> = await dataSource.query(`SELECT observed_value::text FROM alerts`);
    expect(rows).toEqual([{ observed_value: '150000.25' }]);
  });

  it('records a batch of alerts in one statement: new ones, ones seen before, and an id repeated in the batch', async () => {
    const alerts = new AlertRepository(dataSource);
    const alert = (alertId: string, userId: string): RiskAlert => ({
      alertId,
      ruleId: 'daily-loss',
      kind: 'DailyLossLimit',
      userId,
      severity: 'critical',
      observedValue: '100001',
      threshold: '100000',
      message: 'over',
      triggeredAt: 1_764_000_000_000,
      sourceEventId: `src-${alertId}`,
    });
    const before = await alerts.recordIfNew(alert('daily-loss:carol:1', 'carol'));
    const recorded = await alerts.recordMany([alert('daily-loss:carol:1', 'carol'), alert('daily-loss:dan:1', 'dan'), alert('daily-loss:dan:1', 'dan')]);
    expect([...recorded.keys()].sort()).toEqual(['daily-loss:carol:1', 'daily-loss:dan:1']);
    expect(recorded.get('daily-loss:carol:1')).toEqual({ recordedAt: before, isNew: false });
    expect(recorded.get('daily-loss:dan:1')?.isNew).toBe(true);
    const again = await alerts.recordMany([alert('daily-loss:dan:1', 'dan')]);
    expect(again.get('daily-loss:dan:1')).toEqual({ recordedAt: recorded.get('daily-loss:dan:1')?.recordedAt, isNew: false });
    const rows: Array<{ n: string }> = await dataSource.query(`SELECT count(*)::text AS n FROM alerts WHERE user_id IN ('carol', 'dan')`);
    expect(rows).toEqual([{ n: '2' }]);
    expect(await alerts.recordMany([])).toEqual(new Map());
  });
});

describe('ExposureCache on Redis', () => {
  const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', { keyPrefix: `hyperdex-test-${process.pid}:` });
  const cache = new ExposureCache(redis);
  const snapshot = (asOf: number, gross: string): ExposureUpdate => ({
    eventId: `evt-${asOf}`,
    userId: 'alice',
    asOf,
    cause: { kind: 'transfer', transferId: 't' },
    grossExposureUsd: gross,
    netExposureUsd: gross,
    stablecoinExposureUsd: '0',
    volatileExposureUsd: gross,
    realizedPnlUsd: '0',
    unrealizedPnlUsd: '0',
    feesUsd: '0',
    pnlComplete: true,
    positions: [],
    unpriced: [],
    oldestPriceAt: null,
  });

  afterAll(async () => {
    const keys = await redis.keys(`hyperdex-test-${process.pid}:*`);
    await Promise.all(keys.map((k) => redis.del(k.slice(`hyperdex-test-${process.pid}:`.length))));
    await redis.quit();
  });

  it('keeps the newest snapshot even when an older one is written later', async () => {
    await cache.put(snapshot(1_764_000_002_000, '20'));
    await cache.put(snapshot(1_764_000_001_000, '10'));
    expect((await cache.get('alice'))?.grossExposureUsd).toBe('20');
    await cache.put(snapshot(1_764_000_003_000, '30'));
    expect((await cache.get('alice'))?.grossExposureUsd).toBe('30');
    expect(await cache.get('nobody')).toBeNull();
  });

  it('writes many users at once, keeping the newest snapshot of each', async () => {
    const of = (userId: string, asOf: number, gross: string): ExposureUpdate => ({ ...snapshot(asOf, gross), userId });
    await cache.put(of('carol', 1_764_000_005_000, '50'));
    await cache.putMany([
      of('carol', 1_764_000_004_000, '40'), // older than what is stored: ignored
      of('dan', 1_764_000_001_000, '1'),
      of('erin', 1_764_000_002_000, '2'),
      of('dan', 1_764_000_003_000, '3'), // the same user twice in one call: the newer stands
      of('erin', 1_764_000_001_000, '1'),
    ]);
    expect((await cache.get('carol'))?.grossExposureUsd).toBe('50');
    expect((await cache.get('dan'))?.grossExposureUsd).toBe('3');
    expect((await cache.get('erin'))?.grossExposureUsd).toBe('2');
    await cache.putMany([]);
  });

  it('honours a snapshot stored without its as-of key (written by an earlier version)', async () => {
    const frank = (asOf: number, gross: string): ExposureUpdate => ({ ...snapshot(asOf, gross), userId: 'frank' });
    await redis.set('exposure:frank', JSON.stringify(frank(1_764_000_009_000, '90')));
    await cache.put(frank(1_764_000_008_000, '80'));
    expect((await cache.get('frank'))?.grossExposureUsd).toBe('90');
    await cache.put(frank(1_764_000_010_000, '100'));
    expect((await cache.get('frank'))?.grossExposureUsd).toBe('100');
    expect(await redis.get('exposure-as-of:frank')).toBe('1764000010000');
  });

  it('treats a corrupt entry as absent rather than serving it', async () => {
    await redis.set('exposure:mallory', '{"not":"an exposure"}');
    expect(await cache.get('mallory')).toBeNull();
  });
});

describe.each(BACKENDS)('RiskStateRepository on %s: a batch of users', (_name, open) => {
  let dataSource: SqlDatabase;
  let backend: Backend | undefined;

  beforeAll(async () => {
    // A fresh, migrated database, so the blocks stay independent.
    backend = await open();
    dataSource = backend.db;
  }, 60_000);

  afterAll(async () => {
    await backend?.close();
  });

  const byRule = (rules: Array<{ ruleId: string; state: unknown }>) => [...rules].sort((a, b) => a.ruleId.localeCompare(b.ruleId));

  it('saves many users in one transaction and loads them back in one query, unknown users included', async () => {
    const repo = new RiskStateRepository(dataSource);
    await repo.saveMany([
      { userId: 'batch-a', state: { v: 1 }, rules: [{ ruleId: 'max-exposure', state: { level: 'breach' } }] },
      { userId: 'batch-b', state: { v: 2 }, rules: [] },
    ]);
    await repo.saveMany([
      { userId: 'batch-a', state: { v: 3 }, rules: [{ ruleId: 'drawdown', state: { level: 'ok' } }, { ruleId: 'max-exposure', state: { level: 'ok' } }] },
      { userId: 'batch-c', state: { v: 4 }, rules: [{ ruleId: 'drawdown', state: { level: 'warning' } }] },
    ]);
    const loaded = await repo.loadMany(['batch-a', 'batch-b', 'batch-c', 'batch-nobody', 'batch-a']);
    expect([...loaded.keys()].sort()).toEqual(['batch-a', 'batch-b', 'batch-c', 'batch-nobody']);
    expect(loaded.get('batch-a')?.state).toEqual({ v: 3 });
    expect(byRule(loaded.get('batch-a')?.rules ?? [])).toEqual([
      { ruleId: 'drawdown', state: { level: 'ok' } },
      { ruleId: 'max-exposure', state: { level: 'ok' } },
    ]);
    expect(loaded.get('batch-b')).toEqual({ state: { v: 2 }, rules: [] });
    expect(loaded.get('batch-c')).toEqual({ state: { v: 4 }, rules: [{ ruleId: 'drawdown', state: { level: 'warning' } }] });
    expect(loaded.get('batch-nobody')).toEqual({ state: null, rules: [] });
    expect(await repo.loadMany([])).toEqual(new Map());
  });

  it('keeps the last entry of a user listed twice, and writes nothing when a row of the batch fails', async () => {
    const repo = new RiskStateRepository(dataSource);
    await repo.saveMany([
      { userId: 'batch-d', state: { v: 1 }, rules: [] },
      { userId: 'batch-d', state: { v: 2 }, rules: [] },
    ]);
    expect((await repo.load('batch-d')).state).toEqual({ v: 2 });
    // A NUL character is refused by jsonb: the whole batch rolls back, batch-d included.
    await expect(
      repo.saveMany([
        { userId: 'batch-d', state: { v: 3 }, rules: [] },
        { userId: 'batch-e', state: { bad: '\u0000' }, rules: [] },
      ]),
    ).rejects.toThrow();
    expect((await repo.loadMany(['batch-d', 'batch-e'])).get('batch-d')?.state).toEqual({ v: 2 });
    expect((await repo.load('batch-e')).state).toBeNull();
  });
});
