import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { AlertNotification, ExposureUpdate, RiskCheckResponse, RiskMetrics } from '@hyperdex/contracts';
import { Topics } from '@hyperdex/contracts';
import { RecordingSocket, WETH, consumedCount, tokenFor, uniqueUser, waitUntil, post } from './support/clients';
import { API_KEY, DAILY_LOSS_LIMIT_USD, DATABASE_NAME, MAX_EXPOSURE_USD, PORTS, ROOT } from './support/stack-env';

const RISK_URL = `http://127.0.0.1:${PORTS.risk}`;
// Priced in USDT, as transfers.e2e.ts is: other suites assert that USDC has no price on the shared, compacted topic.
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';

async function check(body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }): Promise<{ status: number; body: RiskCheckResponse & { details?: Array<{ field: string; reason: string }> } }> {
  const send = () => fetch(`${RISK_URL}/v1/risk/check`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  // A pooled socket the service closed while idle (its keep-alive timeout) fails a POST once: send it again.
  const res = await send().catch(send);
  return { status: res.status, body: (await res.json()) as RiskCheckResponse & { details?: Array<{ field: string; reason: string }> } };
}

/** The figures a check and the booked trade share (ids, times and Monte Carlo runs aside). */
function exposureFigures(e: Partial<ExposureUpdate>) {
  const { asOf: _a, eventId: _e, cause: _c, causes: _cs, ...rest } = e;
  return rest;
}
function metricFigures(m: Omit<RiskMetrics, 'eventId' | 'sourceEventId' | 'sourceEventIds' | 'tradeIds'> & Partial<RiskMetrics>) {
  const { asOf: _a, eventId: _e, sourceEventId: _s, sourceEventIds: _ss, tradeIds: _t, valueAtRisk, rules, ...rest } = m;
  const { monteCarlo: _mc, monteCarloAsOf: _mca, ...market } = valueAtRisk;
  // A stale-price rule observes the age of the oldest price: it grows between the check and the booking.
  return { ...rest, valueAtRisk: market, rules: rules.map((r) => (r.kind === 'StalePrice' ? { ...r, observed: 'age' } : r)) };
}

/**
 * The pre-trade check over the real stack: risk answers from the state it built off Kafka and the ledger in
 * PostgreSQL, and what it answers is what the same trade does once it is really booked.
 */
describe('POST /v1/risk/check', () => {
  const carol = uniqueUser('carol');
  let socket: RecordingSocket;
  const trade = (id: string, amountIn: string, amountOut: string, tokenIn = USDT, tokenOut = WETH) => ({
    tradeId: `check-e2e-${id}-${Date.now()}`,
    userId: carol,
    chainId: 1,
    dex: 'uniswap-v3',
    tokenIn,
    tokenOut,
    amountIn,
    amountOut,
    timestamp: Date.now(),
  });

  beforeAll(async () => {
    socket = await RecordingSocket.connect(tokenFor(carol));
    const risk = await consumedCount(PORTS.risk, Topics.prices);
    const positions = await consumedCount(PORTS.positions, Topics.prices);
    const now = Date.now();
    expect((await post('/v1/prices', { prices: [
      { chainId: 1, token: WETH, priceUsd: '3000', timestamp: now, source: 'e2e-check' },
      { chainId: 1, token: USDT, priceUsd: '1', timestamp: now, source: 'e2e-check' },
    ] })).status).toBe(202);
    await waitUntil(async () => (await consumedCount(PORTS.risk, Topics.prices)) >= risk + 2 && (await consumedCount(PORTS.positions, Topics.prices)) >= positions + 2, 'risk and positions to hold the prices');
  });

  afterAll(() => socket?.close());

  /** Checks a trade, books it, and answers the check with the exposure and metrics the booking produced. */
  async function checkThenBook(t: ReturnType<typeof trade>) {
    const checked = await check(t);
    expect(checked.status).toBe(200);
    expect((await post('/v1/trades', t)).status).toBe(202);
    const exposure = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === t.tradeId);
    const metrics = await socket.waitFor<RiskMetrics>('risk-metrics', (m) => (m.tradeIds ?? []).includes(t.tradeId));
    return { checked: checked.body, exposure, metrics };
  }

  it('answers allow for a 30,000 USD buy, with the exposure and every figure the booked trade then produces', async () => {
    const { checked, exposure, metrics } = await checkThenBook(trade('first', '30000000000', '10000000000000000000'));
    expect(checked.verdict).toBe('allow');
    expect(checked.booked).toBe(false);
    expect(checked.exposure.grossExposureUsd).toBe('60000');
    expect(exposureFigures(checked.exposure)).toEqual(exposureFigures(exposure));
    expect(metricFigures(checked.metrics)).toEqual(metricFigures(metrics));
    expect(checked.freshness.oldestPriceAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('answers deny for the buy that crosses the limit, naming max-exposure, and the booked trade indeed breaches it', async () => {
    const { checked, exposure, metrics } = await checkThenBook(trade('second', '60000000000', '20000000000000000000'));
    expect(checked.verdict).toBe('deny');
    expect(checked.tradingState).toEqual({ current: 'ACTIVE', recommended: 'REDUCING' });
    expect(checked.decidedBy).toEqual([expect.objectContaining({ kind: 'rule', ruleId: 'max-exposure', level: 'breach', action: 'REDUCING', observed: expect.stringMatching(/^180000(\.0+)?$/) as string })]);
    expect(exposureFigures(checked.exposure)).toEqual(exposureFigures(exposure));
    expect(metricFigures(checked.metrics)).toEqual(metricFigures(metrics));
    expect(metrics.tradingState).toBe('REDUCING');
  });

  it('for the user now in breach: a further buy is denied, a sale is reduce-only', async () => {
    const buy = await check(trade('more', '3000000000', '1000000000000000000'));
    expect(buy.body.verdict).toBe('deny');
    expect(buy.body.tradingState.current).toBe('REDUCING');
    const sale = await check(trade('sell', '1000000000000000000', '3000000000', WETH, USDT));
    expect(sale.body.verdict).toBe('reduce-only');
    expect(sale.body.reducesPositions).toBe(true);
    expect(sale.body.decidedBy.map((d) => (d.kind === 'rule' ? d.ruleId : d.kind))).toEqual(['max-exposure']);
  });

  it('books nothing and publishes nothing: the ledger holds the two booked trades only', async () => {
    const db = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE_NAME });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM trades WHERE user_id = $1', [carol]);
      expect(Number(rows[0]?.n)).toBe(2);
    } finally {
      await db.end();
    }
    expect(socket.events.filter((e) => e.event === 'risk-metrics')).toHaveLength(2);
  });

  it('names an unknown token instead of allowing', async () => {
    const odd = await check(trade('odd', '1000000', '1', USDT, '0x1111111111111111111111111111111111111111'));
    expect(odd.status).toBe(200);
    expect(odd.body.verdict).toBe('deny');
    expect(odd.body.unknown).toEqual([{ chainId: 1, token: '0x1111111111111111111111111111111111111111', reason: 'unknown-token' }]);
  });

  it('refuses malformed checks with 400s naming the field', async () => {
    const bad = await check({ ...trade('bad', '-5', '1'), chainId: 'one' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.details?.map((d) => d.field))].sort()).toEqual(['amountIn', 'chainId']);
    const mixed = await check({ trades: [trade('a', '1', '1'), { ...trade('b', '1', '1'), userId: 'someone-else' }] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.details).toEqual([{ field: 'trades[1].userId', reason: `must be the same user as trades[0] (${carol})` }]);
  });

  it('replays the recorded period under the live rules to exactly the alerts the live pipeline raised, byte for byte again', async () => {
    await socket.waitFor<AlertNotification>('alert', (n) => n.alert.ruleId === 'max-exposure');
    // The stack's rules: risk-policy's defaults with the limits stack-env sets.
    const global = { type: 'global' };
    const rules = [
      { id: 'max-exposure', kind: 'MaxExposure', threshold: MAX_EXPOSURE_USD, severity: 'critical', scope: global, action: 'REDUCING' },
      { id: 'daily-loss', kind: 'DailyLossLimit', threshold: DAILY_LOSS_LIMIT_USD, severity: 'critical', scope: global, action: 'HALTED', reset: 'manual' },
      { id: 'var-99', kind: 'VarLimit', threshold: '250000', severity: 'warning', scope: global, params: { method: 'parametric', confidence: 99 } },
      { id: 'drawdown', kind: 'DrawdownLimit', threshold: '0.3', severity: 'critical', scope: global, minSample: 30, action: 'REDUCING' },
      { id: 'losing-streak', kind: 'ConsecutiveLosses', threshold: '5', severity: 'warning', scope: global, action: 'REDUCING' },
      { id: 'stress-volatile-30', kind: 'StressLossLimit', threshold: '250000', severity: 'warning', scope: global, params: { scenarioId: 'volatile-30' }, action: 'ACTIVE' },
      { id: 'unpriced-share', kind: 'UnpricedExposure', threshold: '0.5', severity: 'warning', scope: global, params: { measure: 'share' }, action: 'ACTIVE', warningLevel: null },
      { id: 'stale-price', kind: 'StalePrice', threshold: '900000', severity: 'warning', scope: global, action: 'ACTIVE', warningLevel: null },
    ];
    const dir = path.join(ROOT, 'tmp', 'e2e-replay');
    mkdirSync(dir, { recursive: true });
    const rulesFile = path.join(dir, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify(rules));
    const from = String(Date.now() - 3_600_000);
    const to = String(Date.now());
    const run = () =>
      spawnSync('npm', ['run', '--silent', 'replay', '--', '--from', from, '--to', to, '--rules', rulesFile, '--users', carol, '--format', 'json'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_NAME },
        encoding: 'utf8',
      });
    const first = run();
    if (first.status !== 0) throw new Error(`replay failed: ${first.stderr}`);
    const report = JSON.parse(first.stdout) as { users: Array<{ userId: string; alerts: Array<{ ruleId: string; change: string }>; tradingStates: Array<{ tradingState: string }>; difference: { matched: string[]; differing: unknown[]; onlyReplayed: string[]; onlyLive: unknown[] } }> };
    const mine = report.users.find((u) => u.userId === carol);
    expect(mine?.alerts.map((a) => [a.ruleId, a.change])).toEqual([['max-exposure', 'breach']]);
    expect(mine?.tradingStates.map((s) => s.tradingState)).toEqual(['REDUCING']);
    expect(mine?.difference).toEqual({ matched: [`max-exposure:${carol}:1`], differing: [], onlyReplayed: [], onlyLive: [] });
    // The same inputs, the same bytes.
    expect(run().stdout).toBe(first.stdout);
  });

  it('takes ingestion API keys and the user’s own gateway token, and nothing else', async () => {
    const t = trade('auth', '1000000', '1000000000000');
    expect((await check(t, {})).status).toBe(401);
    expect((await check(t, { 'x-api-key': 'not-a-key-0123456789' })).status).toBe(401);
    expect((await check(t, { authorization: `Bearer ${tokenFor('mallory')}` })).status).toBe(403);
    expect((await check(t, { authorization: `Bearer ${tokenFor(carol)}` })).status).toBe(200);
  });
});
