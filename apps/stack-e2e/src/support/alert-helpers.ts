import { Topics, type ExposureUpdate, type RiskMetrics } from '@hyperdex/contracts';
import { consumedCount, post, waitUntil, type RecordingSocket } from './clients';
import { GATEWAY_URL, PORTS } from './stack-env';

/**
 * Alert suites move WBTC, which no other suite prices, so their swings move no other suite's books. Each sets the
 * price it starts from (jest runs the suites one after another, in any order).
 */
export const WBTC = '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599';

export async function gateway(method: 'GET' | 'POST' | 'PUT', path: string, token: string, body?: unknown) {
  const res = await fetch(`${GATEWAY_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

export const priceWbtc = async (usd: string) => {
  const before = await consumedCount(PORTS.positions, Topics.prices);
  expect((await post('/v1/prices', { chainId: 1, token: WBTC, priceUsd: usd, timestamp: Date.now(), source: 'e2e' })).status).toBe(202);
  await waitUntil(async () => (await consumedCount(PORTS.positions, Topics.prices)) > before, 'positions to apply the price');
};

/** Deposits 1 WBTC for the user and waits for the exposure it opens. */
export const depositOneWbtc = async (userId: string, socket: RecordingSocket) => {
  const deposit = { kind: 'transfer', transferId: `dep-${userId}`, userId, chainId: 1, token: WBTC, direction: 'in', amount: '100000000', timestamp: Date.now() };
  expect((await post('/v1/transfers', deposit)).status).toBe(202);
  await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'transfer' && e.cause.transferId === deposit.transferId, 60_000);
};

/** Moves WBTC and waits until risk has judged the user's book at the new value. */
export const moveTo = async (usd: string, socket: RecordingSocket): Promise<RiskMetrics> => {
  const earlier = new Set(socket.events.map((e) => e.payload));
  await priceWbtc(usd);
  return socket.waitFor<RiskMetrics>('risk-metrics', (m) => !earlier.has(m) && m.grossExposureUsd === usd, 60_000);
};

