import { Client } from 'pg';
import { Topics, type ExposureUpdate, type RiskMetrics } from '@hyperdex/contracts';
import { RecordingSocket, USDC, WETH, aTrade, consumedCount, post, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { killService, startReplacement } from './support/replace-service';
import { DATABASE_NAME, PORTS } from './support/stack-env';

/** WBNB and BSC's USDC: no other suite prices them (the prices topic is shared and compacted). */
const WBNB = '0xbb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c';
const BSC_USDC = '0x8ac76a51cc950d9822d68b83fe1ad97b32cd580d';
const BAR_MS = 60_000; // RISK_BAR_MS's default, which the e2e stack keeps
const PAST_BARS = 25;

/**
 * The risk service keeps per-user state (equity index, trade stats, rule levels). A crash must not reset it: the
 * replacement resumes the losing streak where it was and does not alert again for a breach already reported. Nor
 * may it forget the market: VaR is evaluable on the replacement's first evaluation (the bars come back from the
 * kept price history, not ~20 new bars later).
 */
describe('risk killed between two losing trades', () => {
  jest.setTimeout(120_000);
  const erin = uniqueUser('erin');
  const frank = uniqueUser('frank');
  let socket: RecordingSocket;
  let frankSocket: RecordingSocket;

  beforeAll(async () => {
    socket = await RecordingSocket.connect(tokenFor(erin));
    frankSocket = await RecordingSocket.connect(tokenFor(frank));
  });
  afterAll(() => {
    socket?.close();
    frankSocket?.close();
  });

  /** frank buys 1 WBNB for 600 BSC USDC (unpriced, so VaR covers WBNB alone); the metrics of the update it caused. */
  const frankBuys = async () => {
    const trade = aTrade({ userId: frank, chainId: 56, tokenIn: BSC_USDC, amountIn: '600000000000000000000', tokenOut: WBNB, amountOut: '1000000000000000000' });
    expect((await post('/v1/trades', trade)).status).toBe(202);
    const exposure = await frankSocket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === trade.tradeId, 60_000);
    return frankSocket.waitFor<RiskMetrics>('risk-metrics', (m) => m.sourceEventId === exposure.eventId, 60_000);
  };

  const price = async (usd: string) => {
    const before = await consumedCount(PORTS.positions, Topics.prices);
    expect((await post('/v1/prices', { chainId: 1, token: WETH, priceUsd: usd, timestamp: Date.now(), source: 'e2e' })).status).toBe(202);
    await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.prices)) > before, 'positions to apply the price');
  };
  /** Posts a trade and returns the risk metrics computed from the exposure update it caused. */
  const tradeAndMetrics = async (overrides: Parameters<typeof aTrade>[0]) => {
    const trade = aTrade({ userId: erin, ...overrides });
    expect((await post('/v1/trades', trade)).status).toBe(202);
    const exposure = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === trade.tradeId, 60_000);
    return socket.waitFor<RiskMetrics>('risk-metrics', (m) => m.sourceEventId === exposure.eventId, 60_000);
  };

  it('resumes the trade statistics and the breach after a restart, without a second alert', async () => {
    await price('3000');
    // 50 WETH bought for 150,000 USDC: over the 100,000 exposure limit.
    const opened = await tradeAndMetrics({ tokenIn: USDC, amountIn: '150000000000', tokenOut: WETH, amountOut: '50000000000000000000' });
    expect(opened.rules.find((r) => r.ruleId === 'max-exposure')?.level).toBe('breach');

    await price('2900');
    // Sell 1 WETH for 2,900 USDC: realized −100 against the 3,000 average cost.
    const sell = { tokenIn: WETH, amountIn: '1000000000000000000', tokenOut: USDC, amountOut: '2900000000' };
    const first = await tradeAndMetrics(sell);
    expect(first.trades).toMatchObject({ closedTrades: 1, consecutiveLosses: 1, winRate: '0' });

    // WBNB's last PAST_BARS bars, one tick each, in order: enough return bars for VaR before the restart.
    const now = Date.now();
    const ticks = Array.from({ length: PAST_BARS + 1 }, (_, i) => ({
      chainId: 56,
      token: WBNB,
      priceUsd: String(600 + (i % 2 === 0 ? i : -i)),
      timestamp: now - (PAST_BARS - i) * BAR_MS,
      source: 'e2e-history',
    }));
    expect((await post('/v1/prices', { prices: ticks })).status).toBe(202);
    const warm = await frankBuys();
    expect(warm.valueAtRisk.returnPoints).toBeGreaterThanOrEqual(20);
    expect(warm.valueAtRisk.historical).not.toBeNull();

    killService('risk');
    await startReplacement('risk');

    // The replacement's first evaluation of frank: the market's bars were reloaded, VaR is there at once.
    const restarted = await frankBuys();
    expect(restarted.valueAtRisk.returnPoints).toBeGreaterThanOrEqual(warm.valueAtRisk.returnPoints);
    expect(restarted.valueAtRisk.historical).not.toBeNull();
    expect(restarted.valueAtRisk.parametric).not.toBeNull();

    const second = await tradeAndMetrics(sell);
    expect(second.trades).toMatchObject({ closedTrades: 2, consecutiveLosses: 2, maxConsecutiveLosses: 2 });
    expect(second.rules.find((r) => r.ruleId === 'max-exposure')).toMatchObject({ level: 'breach', observed: '139200' });
    expect(second.tradingState).toBe('REDUCING');

    const db = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE_NAME });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT alert_id FROM alerts WHERE user_id = $1 AND kind = 'MaxExposure'`, [erin]);
      expect(rows).toEqual([{ alert_id: `max-exposure:${erin}:1` }]);
    } finally {
      await db.end();
    }
  });
});
