import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { until } from '@hyperdex/embedded/testing';
import { EventPublisher, kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { SqlDatabase } from '@hyperdex/persistence';
import { GatewayModule } from './gateway.module';
import { TEST_SECRET, exposure, riskMetrics, tokenFor } from './spec-support/payloads';

const PORT = 6011;
const BASE = `http://127.0.0.1:${PORT}`;
const T0 = Date.UTC(2026, 5, 1, 12, 0, 30);

const get = async (path: string, token = tokenFor('ana')) => {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** The gateway's REST reads through HTTP, fed over the in-memory bus, stored in PGlite (the embedded mode's parts). */
describe('GatewayModule REST reads on the embedded infrastructure', () => {
  let infra: EmbeddedInfrastructure;
  let app: INestApplication;

  beforeAll(async () => {
    infra = await EmbeddedInfrastructure.open({ partitions: 2 });
    const messaging = toKafkaSettings(kafkaEnvSchema.parse({}), 'gateway');
    const moduleRef = await Test.createTestingModule({
      imports: [
        ...infra.modules({ name: 'gateway', logger: pino({ level: 'silent' }), messaging }),
        GatewayModule.forRoot({ JWT_SECRET: TEST_SECRET, GATEWAY_INSTANCE_ID: 'spec' }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(PORT, '127.0.0.1');
    const publisher = app.get(EventPublisher);
    await infra.cache.put(exposure('ana', 'x2', T0 + 20_000, '150000'));
    await publisher.publish(Topics.positions, [exposure('ana', 'x1', T0, '90000'), exposure('ana', 'x2', T0 + 20_000, '150000'), exposure('ana', 'x3', T0 + 3_600_000, '120000')]);
    await publisher.publish(Topics.riskMetrics, [riskMetrics('ana', 'm1', T0, 'ACTIVE'), riskMetrics('ana', 'm2', T0 + 1, 'REDUCING')]);
    const db = app.get(SqlDatabase);
    await until(async () => (await db.query(`SELECT 1 FROM exposure_history`)).length === 3 && (await db.query(`SELECT 1 FROM risk_metrics_latest WHERE event_id = 'm2'`)).length === 1, 'history stored');
    for (let i = 1; i <= 3; i++) {
      await db.query(
        `INSERT INTO trades (trade_id, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out, executed_at, kind)
         VALUES ($1, 'ana', 1, 'uniswap-v3', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', 150000000000, 50000000000000000000, $2, 'swap')`,
        [`t${i}`, new Date(T0 + i)],
      );
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await infra?.close();
  });

  it('answers the positions of the latest snapshot, with PnL', async () => {
    const { status, body } = await get('/v1/users/ana/positions');
    expect(status).toBe(200);
    expect(body).toMatchObject({ userId: 'ana', asOf: T0 + 20_000, realizedPnlUsd: '10', unrealizedPnlUsd: '-2.5', positions: [expect.objectContaining({ symbol: 'WETH', valueUsd: '150000' })] });
  });

  it('answers the latest risk metrics and the trading state with rule statuses', async () => {
    expect((await get('/v1/users/ana/risk-metrics')).body).toMatchObject({ eventId: 'm2', tradingState: 'REDUCING' });
    const { status, body } = await get('/v1/users/ana/trading-state');
    expect(status).toBe(200);
    expect(body).toEqual({
      userId: 'ana',
      asOf: T0 + 1,
      eventId: 'm2',
      tradingState: 'REDUCING',
      rules: [expect.objectContaining({ ruleId: 'max-exposure', level: 'breach' }), expect.objectContaining({ ruleId: 'var-99', level: 'not-evaluable' })],
    });
  });

  it('pages trades with an opaque cursor', async () => {
    const first = await get('/v1/users/ana/trades?limit=2');
    expect((first.body['items'] as Array<{ tradeId: string }>).map((t) => t.tradeId)).toEqual(['t3', 't2']);
    const second = await get(`/v1/users/ana/trades?limit=2&cursor=${String(first.body['nextCursor'])}`);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ tradeId: 't1', amountIn: '150000000000' })], nextCursor: null });
  });

  it('answers the exposure and equity history bucketed per minute and per hour', async () => {
    const minutes = await get(`/v1/users/ana/history?bucket=minute&from=${T0 - 60_000}&to=${T0 + 7_200_000}`);
    expect(minutes.status).toBe(200);
    expect((minutes.body['points'] as Array<{ t: number; grossExposureUsd: string; samples: number }>).map((p) => [p.t, p.grossExposureUsd, p.samples])).toEqual([
      [Date.UTC(2026, 5, 1, 12, 0), '150000', 2],
      [Date.UTC(2026, 5, 1, 13, 0), '120000', 1],
    ]);
    const hours = await get(`/v1/users/ana/history?bucket=hour&from=${T0 - 60_000}&to=${T0 + 7_200_000}`);
    expect(hours.body['points']).toEqual([
      expect.objectContaining({ t: Date.UTC(2026, 5, 1, 12), grossExposureUsd: '150000', maxGrossExposureUsd: '150000', equityUsd: '7.5', samples: 2 }),
      expect.objectContaining({ t: Date.UTC(2026, 5, 1, 13), grossExposureUsd: '120000', samples: 1 }),
    ]);
  });

  it('lets an admin read any user, refuses another user (403) and a missing token (401)', async () => {
    expect((await get('/v1/users/ana/trading-state', tokenFor('root', 'admin'))).status).toBe(200);
    for (const path of ['positions', 'risk-metrics', 'trading-state', 'trades', 'history']) {
      expect((await get(`/v1/users/ana/${path}`, tokenFor('bob'))).status).toBe(403);
      expect((await get(`/v1/users/ana/${path}`, 'not-a-token')).status).toBe(401);
    }
    expect((await get('/v1/users/bob/positions', tokenFor('bob'))).status).toBe(404);
  });

  it('refuses a bad query naming the field', async () => {
    const bad = await get('/v1/users/ana/history?bucket=week&from=5');
    expect(bad.status).toBe(400);
    expect((bad.body['details'] as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['bucket', 'from']);
    const wide = await get(`/v1/users/ana/history?bucket=minute&from=${T0 - 30 * 86_400_000}&to=${T0}`);
    expect(wide.body).toMatchObject({ details: [{ field: 'from', reason: expect.stringContaining('5000 minute buckets') }] });
    expect((await get('/v1/users/ana/trades?cursor=zzz')).body).toMatchObject({ details: [{ field: 'cursor' }] });
    expect((await get('/v1/users/ana/trades?limit=0')).body).toMatchObject({ details: [{ field: 'limit' }] });
  });
});
