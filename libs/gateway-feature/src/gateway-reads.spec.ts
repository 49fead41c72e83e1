import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import jwt from 'jsonwebtoken';
import { GatewayApiError, createGatewayClient, type ConnectionState } from '@hyperdex/client';
import { API_ROUTES, Topics, type ExposureUpdate } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { until } from '@hyperdex/embedded/testing';
import { EventPublisher, kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { HttpErrorFilter } from '@hyperdex/observability';
import { SqlDatabase } from '@hyperdex/persistence';
import { GatewayModule } from './gateway.module';
import { OpenApiValidator } from './spec-support/openapi-validator';
import { TEST_SECRET, exposure, riskMetrics, tokenFor } from './spec-support/payloads';

// The machine is shared and often loaded: generous per-test time, never a timed assertion.
jest.setTimeout(30_000);

const PORT = 6011;
const BASE = `http://127.0.0.1:${PORT}`;
const T0 = Date.UTC(2026, 5, 1, 12, 0, 30);

let validator: OpenApiValidator;
/** Each answer is checked against the document the gateway serves: a route or schema drift fails here. */
const get = async (path: string, token = tokenFor('ana')) => {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as Record<string, unknown>;
  const template = path.split('?')[0]?.replace(/^\/v1\/users\/[^/]+/, '/v1/users/{userId}') ?? '';
  expect(validator.errors('get', template, response.status, body)).toEqual([]);
  return { status: response.status, body };
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
    // As the service boots (run-service): every error answers the documented ErrorResponse.
    app.useGlobalFilters(new HttpErrorFilter(pino({ level: 'silent' })));
    await app.listen(PORT, '127.0.0.1');
    validator = new OpenApiValidator((await (await fetch(`${BASE}/docs/openapi.json`)).json()) as ConstructorParameters<typeof OpenApiValidator>[0]);
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
  }, 180_000);

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

  it('documents exactly the /v1 routes the gateway serves', () => {
    const router = (app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }).router;
    const served = router.stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m} ${layer.route?.path.replace(/:(\w+)/g, '{$1}')}`) : []))
      .filter((route) => route.includes(' /v1/'));
    expect(served.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('serves the document at /docs/openapi.json and a page at /docs', async () => {
    const page = await fetch(`${BASE}/docs`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const route of API_ROUTES) expect(html).toContain(`${route.method.toUpperCase()} ${route.path}`);
    expect(html).toContain('alert-updated');
    expect(validator.errors('get', '/v1/users/{userId}/alerts', 200, { items: [], nextCursor: null })).toEqual([]);
    expect(validator.errors('get', '/v1/users/{userId}/alerts', 200, { items: [], nextCursor: null, extra: 1 })).not.toEqual([]);
  });

  it('answers the alert reads it documents', async () => {
    expect((await get('/v1/users/ana/alerts')).status).toBe(200);
    expect((await get('/v1/users/ana/alert-channels')).status).toBe(200);
    expect((await get('/v1/users/ana/alert-deliveries')).status).toBe(200);
  });

  describe('through @hyperdex/client', () => {
    it('calls the REST routes typed, follows cursors, and retries a refused token once with a refreshed one', async () => {
      const asked: boolean[] = [];
      const { rest } = createGatewayClient({ url: BASE, token: ({ refresh }) => (asked.push(refresh), refresh ? tokenFor('ana') : 'expired-token') });
      expect((await rest.tradingState('ana')).tradingState).toBe('REDUCING');
      expect(asked).toEqual([false, true]);
      const ids: string[] = [];
      for await (const trade of rest.allTrades('ana', 2)) ids.push(trade.tradeId);
      expect(ids).toEqual(['t3', 't2', 't1']);
      expect((await rest.history('ana', { bucket: 'hour', from: T0 - 60_000, to: T0 + 7_200_000 })).points).toHaveLength(2);
      const refused = await rest.positions('bob').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(GatewayApiError);
      expect(refused).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden' } });
    });

    it("receives only its own user's events, and resumes them with a fresh token after the old one expires", async () => {
      const refreshes: boolean[] = [];
      const { live } = createGatewayClient({
        url: BASE,
        // The first token lives five seconds: the gateway closes the socket then, and the client must refresh.
        token: ({ refresh }) => (refreshes.push(refresh), refresh ? tokenFor('ana') : jwt.sign({ sub: 'ana' }, TEST_SECRET, { expiresIn: 5 })),
        live: { socket: { transports: ['websocket'] }, retryDelayMs: 50 },
      });
      const seen: ExposureUpdate[] = [];
      const states: ConnectionState[] = [];
      live.on('exposure', (e) => seen.push(e));
      live.onState((state) => states.push(state));
      try {
        await live.connect();
        const publisher = app.get(EventPublisher);
        await publisher.publish(Topics.positions, [exposure('bob', 'live-bob-1', Date.now(), '1'), exposure('ana', 'live-ana-1', Date.now(), '2')]);
        await until(() => seen.length >= 1, 'the first exposure', 20_000);
        await until(() => states.includes('reconnecting') && live.connected && refreshes.includes(true), 'the reconnection with a refreshed token', 20_000);
        await publisher.publish(Topics.positions, [exposure('bob', 'live-bob-2', Date.now(), '3'), exposure('ana', 'live-ana-2', Date.now(), '4')]);
        await until(() => seen.length >= 2, 'the exposure after reconnecting', 20_000);
        expect(seen.map((e) => e.eventId)).toEqual(['live-ana-1', 'live-ana-2']);
        expect(refreshes).toEqual([false, true]);
      } finally {
        live.close();
      }
    });
  });
});
