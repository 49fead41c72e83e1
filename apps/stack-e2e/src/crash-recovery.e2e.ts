import { Client } from 'pg';
import { Topics, type Trade } from '@hyperdex/contracts';
import { USDC, WETH, consumedCount, kafka, uniqueUser, waitUntil } from './support/clients';
import { killService, startReplacement } from './support/replace-service';
import { DATABASE_NAME, PORTS } from './support/stack-env';

const TRADES = 400;

/**
 * At-least-once delivery with a crash in the middle: positions is SIGKILLed while it works through a stream
 * of trades (some of them sent twice), a new instance takes over, and the ledger ends exact — nothing lost,
 * nothing counted twice.
 */
describe('positions killed mid-stream', () => {
  jest.setTimeout(120_000);

  it('resumes from the committed offsets and ends with every trade applied exactly once', async () => {
    const dave = uniqueUser('dave');
    const trades: Trade[] = Array.from({ length: TRADES }, (_, i) => ({
      tradeId: `crash-${dave}-${i}`,
      userId: dave,
      chainId: 1,
      dex: 'uniswap-v2',
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: String(1_000_000 + i),
      amountOut: String(10n ** 15n + BigInt(i)),
      timestamp: Date.now(),
    }));
    // Every 10th trade is sent a second time, as a retrying producer would.
    const stream = trades.flatMap((t, i) => (i % 10 === 0 ? [t, t] : [t]));
    const baseline = await consumedCount(PORTS.positions, Topics.trades);

    // Sent as a stream of small sends, as trades arrive in production: positions takes whole fetched chunks in one
    // transaction, so the records must not all be on the broker before it starts, or there is no "middle" to crash in.
    const producer = kafka.producer();
    await producer.connect();
    const sending = (async () => {
      try {
        for (let i = 0; i < stream.length; i += 10) {
          await producer.send({
            topic: Topics.trades,
            acks: -1,
            messages: stream.slice(i, i + 10).map((t) => ({ key: t.userId, value: JSON.stringify(t) })),
          });
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        await producer.disconnect();
      }
    })();

    await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.trades)) - baseline >= 40, 'positions to be mid-stream', 60_000);
    killService('positions');
    const processedBeforeCrash = await countTrades(dave);
    expect(processedBeforeCrash).toBeLessThan(TRADES);
    await sending;
    await startReplacement('positions');

    await waitUntil(async () => (await countTrades(dave)) === TRADES, `all ${TRADES} trades in the ledger`, 90_000);
    const db = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE_NAME });
    await db.connect();
    try {
      const { rows } = await db.query<{ token: string; balance: string }>(
        'SELECT token, balance::text FROM user_balances WHERE user_id = $1 ORDER BY token',
        [dave],
      );
      const paid = trades.reduce((sum, t) => sum + BigInt(t.amountIn), 0n);
      const received = trades.reduce((sum, t) => sum + BigInt(t.amountOut), 0n);
      expect(rows).toEqual([
        { token: USDC, balance: (-paid).toString() },
        { token: WETH, balance: received.toString() },
      ]);
    } finally {
      await db.end();
    }
    process.stdout.write(`e2e: killed positions after ${processedBeforeCrash}/${TRADES} trades; the replacement finished exactly\n`);
  });
});

async function countTrades(userId: string): Promise<number> {
  const db = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE_NAME });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM trades WHERE user_id = $1', [userId]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await db.end();
  }
}
