import { Topics, type ExposureUpdate } from '@hyperdex/contracts';
import { RecordingSocket, WETH, aTrade, consumedCount, post, tokenFor, uniqueUser, waitUntil } from './support/clients';
import { PORTS } from './support/stack-env';

/**
 * Priced in USDT, not USDC: other suites assert that USDC has no price on the shared stack, and jest may run them in
 * any order (after a failure it runs the failed file first).
 */
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';

describe('a deposit, a buy and a fee, booked at average cost', () => {
  jest.setTimeout(60_000);
  const frank = uniqueUser('frank');
  let socket: RecordingSocket;

  beforeAll(async () => {
    socket = await RecordingSocket.connect(tokenFor(frank));
  });
  afterAll(() => socket?.close());

  it('refuses a malformed transfer naming the field', async () => {
    const res = await post('/v1/transfers', { kind: 'transfer', transferId: 'x', userId: frank, chainId: 1, token: USDT, direction: 'sideways', amount: '1', timestamp: Date.now() });
    expect(res.status).toBe(400);
    expect(res.body['details']).toEqual([{ field: 'direction', reason: 'must be "in" or "out"' }]);
  });

  it('opens USDT at its deposit value and moves 3,000 of that cost into WETH; the fee is an expense', async () => {
    const before = await consumedCount(PORTS.positions, Topics.prices);
    for (const [token, priceUsd] of [[USDT, '1'], [WETH, '3000']] as const) {
      expect((await post('/v1/prices', { chainId: 1, token, priceUsd, timestamp: Date.now(), source: 'e2e' })).status).toBe(202);
    }
    await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.prices)) >= before + 2, 'positions to apply both prices');

    const deposit = { kind: 'transfer', transferId: `dep-${frank}`, userId: frank, chainId: 1, token: USDT, direction: 'in', amount: '10000000000', timestamp: Date.now() };
    expect(await post('/v1/transfers', deposit)).toEqual({ status: 202, body: { accepted: [deposit.transferId] } });
    await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'transfer' && e.cause.transferId === deposit.transferId);

    // 3 USDT protocol fee on top of the 3,000 USDT swapped for 1 WETH.
    const buy = aTrade({ userId: frank, tokenIn: USDT, fees: [{ kind: 'protocol', token: USDT, amount: '3000000' }] });
    expect((await post('/v1/trades', buy)).status).toBe(202);
    const exposure = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === buy.tradeId);
    expect(exposure.positions.find((p) => p.token === WETH)).toMatchObject({ balance: '1000000000000000000', costUsd: '3000', averageCostUsd: '3000' });
    expect(exposure.positions.find((p) => p.token === USDT)).toMatchObject({ balance: '6997000000', costUsd: '6997', valueUsd: '6997', feesUsd: '3' });
    expect(exposure).toMatchObject({
      grossExposureUsd: '9997',
      stablecoinExposureUsd: '6997',
      volatileExposureUsd: '3000',
      realizedPnlUsd: '-3',
      unrealizedPnlUsd: '0',
      feesUsd: '3',
      pnlComplete: true,
    });
    // Paying in a stablecoin opens a position: not a closed trade for win rate and streaks.
    expect(exposure.cause).toMatchObject({ outcome: { closesPosition: false, realizedPnlUsd: '-3', notionalUsd: '3000', feesUsd: '3' } });
  });
});
