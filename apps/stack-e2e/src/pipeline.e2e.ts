import { Client } from 'pg';
import type { AlertNotification, ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';
import { Topics } from '@hyperdex/contracts';
import { RecordingSocket, USDC, WETH, consumedCount, findRecord, getExposure, post, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { API_KEY, DATABASE_NAME, MAX_EXPOSURE_USD, PORTS } from './support/stack-env';

/** A W3C trace id chosen by the caller, as an internal service emitting trades would send it. */
const TRACE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/**
 * The whole path over the real parts: HTTP → ingestion → Kafka → positions (PostgreSQL, Redis) → Kafka → risk
 * → Kafka → alerting (PostgreSQL) → Kafka → gateway → Socket.IO, each service its own process.
 */
describe('a trade that breaches the exposure limit', () => {
  const alice = uniqueUser('alice');
  const bob = uniqueUser('bob');
  let aliceSocket: RecordingSocket;
  let bobSocket: RecordingSocket;
  const tradeId = `1:0x${'ab'.repeat(32)}:${Date.now()}`;
  // 50 WETH for 150,000 USDC; at 3,000 USD per WETH the WETH leg alone is 150,000 USD > the 100,000 limit.
  const trade = {
    tradeId,
    userId: alice,
    chainId: 1,
    dex: 'uniswap-v3',
    tokenIn: USDC,
    tokenOut: WETH,
    amountIn: '150000000000',
    amountOut: '50000000000000000000',
    timestamp: Date.now(),
  };

  beforeAll(async () => {
    aliceSocket = await RecordingSocket.connect(tokenFor(alice));
    bobSocket = await RecordingSocket.connect(tokenFor(bob));
  });

  afterAll(() => {
    aliceSocket?.close();
    bobSocket?.close();
  });

  it('reaches the owner as an exposure event and then an alert; the other user sees nothing', async () => {
    const price = await post('/v1/prices', { chainId: 1, token: WETH, priceUsd: '3000', timestamp: Date.now(), source: 'e2e' });
    expect(price.status).toBe(202);
    // Prices and trades are separate topics; wait until positions holds the price so the trade is valued at once.
    await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.prices)) >= 1, 'positions to apply the price');
    const posted = Date.now();
    expect((await post('/v1/trades', trade, { 'x-api-key': API_KEY, traceparent: `00-${TRACE_ID}-${'1'.repeat(16)}-01` })).status).toBe(202);

    const exposure = await aliceSocket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === tradeId);
    expect(exposure.userId).toBe(alice);
    const weth = exposure.positions.find((p) => p.token === WETH);
    expect(weth).toMatchObject({ symbol: 'WETH', decimals: 18, balance: '50000000000000000000' });
    const usdc = exposure.positions.find((p) => p.token === USDC);
    // USDC has no price in this test: it must be listed as unpriced, never valued as zero.
    expect(usdc).toMatchObject({ symbol: 'USDC', balance: '-150000000000', priceUsd: null, valueUsd: null });
    expect(exposure.unpriced).toEqual([{ chainId: 1, token: USDC, reason: 'no-price' }]);
    // Average cost: the swap was worth the 50 WETH received at 3,000 (USDC had no price), 150,000 USD.
    expect(weth).toMatchObject({ costUsd: '150000', averageCostUsd: '3000', unrealizedPnlUsd: '0', realizedPnlUsd: '0' });
    expect(usdc).toMatchObject({ costUsd: '-150000', unrealizedPnlUsd: null });
    expect(exposure).toMatchObject({ volatileExposureUsd: '150000', stablecoinExposureUsd: '0', pnlComplete: false });
    expect(exposure.cause).toMatchObject({ kind: 'trade', outcome: { closesPosition: false, notionalUsd: '150000' } });

    const notification = await aliceSocket.waitFor<AlertNotification>('alert', (n) => n.alert.userId === alice && n.alert.kind === 'MaxExposure');
    const latency = Date.now() - posted;
    expect(notification.alert).toMatchObject({
      kind: 'MaxExposure',
      ruleId: 'max-exposure',
      severity: 'critical',
      observedValue: '150000',
      threshold: MAX_EXPOSURE_USD,
    });
    expect(notification.status).toBe('open');
    expect(notification.alert).toMatchObject({ level: 'breach', tradingState: 'REDUCING' });
    // The alert was raised by an exposure update this socket had already received.
    const alertIndex = aliceSocket.events.findIndex((e) => e.event === 'alert' && (e.payload as AlertNotification).alert.kind === 'MaxExposure');
    const sourceIndex = aliceSocket.events.findIndex(
      (e) => e.event === 'exposure' && (e.payload as ExposureUpdate).eventId === notification.alert.sourceEventId,
    );
    expect(sourceIndex).toBeGreaterThanOrEqual(0);
    expect(sourceIndex).toBeLessThan(alertIndex);
    process.stdout.write(`e2e: trade POST → alert on the socket in ${latency} ms\n`);

    // Give any misrouted event time to arrive before asserting that none did.
    await new Promise((r) => setTimeout(r, 500));
    expect(bobSocket.events).toEqual([]);
  });

  it('pushes the risk metrics computed from that exposure, with the rule statuses and the trading state', async () => {
    const exposure = await aliceSocket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === tradeId);
    const metrics = await aliceSocket.waitFor<RiskMetrics>('risk-metrics', (m) => m.sourceEventId === exposure.eventId);
    expect(metrics).toMatchObject({
      userId: alice,
      grossExposureUsd: '150000',
      tradingState: 'REDUCING',
      // Only WETH is priced: one position holds the whole priced book.
      concentration: { largestShare: '1', herfindahl: '1' },
      trades: { closedTrades: 0, consecutiveLosses: 0, winRate: null },
    });
    expect(metrics.rules.find((r) => r.ruleId === 'max-exposure')).toEqual({
      ruleId: 'max-exposure',
      kind: 'MaxExposure',
      level: 'breach',
      observed: '150000',
      threshold: MAX_EXPOSURE_USD,
    });
    // No return history yet: VaR is missing, never zero, and the VaR rule says so.
    expect(metrics.valueAtRisk.historical).toBeNull();
    expect(metrics.rules.find((r) => r.kind === 'VarLimit')?.level).toBe('not-evaluable');
    expect(metrics.stress.find((s) => s.scenarioId === 'volatile-30')?.lossUsd).toBe('45000');
  });

  it('carries the caller trace context through every hop, up to the alert notification', async () => {
    const notification = await findRecord(Topics.alertNotifications, (r) => r.key === alice);
    expect(notification.headers['traceparent']).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    const exposure = await findRecord(Topics.positions, (r) => r.key === alice && r.value.includes(tradeId));
    expect(exposure.headers['traceparent']).toContain(TRACE_ID);
  });

  it('serves the cached snapshot over REST to its owner and admins only', async () => {
    const own = await getExposure(alice, tokenFor(alice));
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ userId: alice, grossExposureUsd: '150000' });
    expect((await getExposure(alice, tokenFor('someone', 'admin'))).status).toBe(200);
    expect(await getExposure(alice, tokenFor(bob))).toEqual({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'You may read only your own exposure' },
    });
    expect((await getExposure(alice)).status).toBe(401);
    expect((await getExposure(bob, tokenFor(bob))).status).toBe(404);
  });

  it('persists the trade and the alert in PostgreSQL, and counts a re-sent trade once', async () => {
    expect((await post('/v1/trades', trade)).status).toBe(202);
    // The duplicate is republished as an exposure update with the same trade id; wait for the second one.
    await waitUntil(
      () => aliceSocket.events.filter((e) => e.event === 'exposure' && (e.payload as ExposureUpdate).cause.kind === 'trade').length >= 2,
      'the duplicate to be republished',
    );
    const latest = [...aliceSocket.events].reverse().find((e) => e.event === 'exposure')?.payload as ExposureUpdate;
    expect(latest.positions.find((p) => p.token === WETH)?.balance).toBe('50000000000000000000');

    const db = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE_NAME });
    await db.connect();
    try {
      const trades = await db.query('SELECT trade_id, amount_out::text, valuation FROM trades WHERE user_id = $1', [alice]);
      expect(trades.rows).toEqual([{ trade_id: tradeId, amount_out: '50000000000000000000', valuation: { valueUsd: '150000', feesUsd: [] } }]);
      const balances = await db.query('SELECT token, balance::text FROM user_balances WHERE user_id = $1 ORDER BY token', [alice]);
      expect(balances.rows).toEqual([
        { token: USDC, balance: '-150000000000' },
        { token: WETH, balance: '50000000000000000000' },
      ]);
      const alerts = await db.query(`SELECT kind, observed_value::text FROM alerts WHERE user_id = $1 AND kind = 'MaxExposure'`, [alice]);
      expect(alerts.rows).toEqual([{ kind: 'MaxExposure', observed_value: '150000' }]);
    } finally {
      await db.end();
    }
  });
});
