import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { io } from 'socket.io-client';
import { userRoom, type ExposureUpdate, type RiskMetrics } from '@hyperdex/contracts';
import { RecordingSocket, aTrade, post, socketRefusal, tokenFor, uniqueUser } from './support/clients';
import { GATEWAY_URL, JWT_SECRET, MAX_SOCKETS_PER_USER } from './support/stack-env';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Every token that must not read `victim`'s data: none of them is a valid token of `victim` (or an admin). */
function badTokens(victim: string): Array<[string, string]> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exp = Math.floor(Date.now() / 1000) + 600;
  return [
    ['forged (another secret)', jwt.sign({ sub: victim }, 'forged-secret-0123456789-0123456789', { algorithm: 'HS256' })],
    ['expired', jwt.sign({ sub: victim, exp: Math.floor(Date.now() / 1000) - 5 }, JWT_SECRET, { algorithm: 'HS256' })],
    ['alg none', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: victim, exp })}.`],
    ['wrong algorithm (HS512, right secret)', jwt.sign({ sub: victim }, JWT_SECRET, { algorithm: 'HS512' })],
    ['RS256 without an identity provider', jwt.sign({ sub: victim }, privateKey, { algorithm: 'RS256', keyid: 'k1' })],
    ['admin role on a forged token', jwt.sign({ sub: 'mallory', role: 'admin' }, 'forged-secret-0123456789-0123456789')],
    ['payload edited after signing', (() => {
      const [header, , signature] = tokenFor('mallory').split('.');
      return `${header}.${b64url({ sub: victim, exp })}.${signature}`;
    })()],
    ['garbage', 'not-a-jwt'],
  ];
}

const get = async (path: string, token: string) => {
  const res = await fetch(`${GATEWAY_URL}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
};

/**
 * No token but the user's own (or an admin's) reads the user's data, over REST or Socket.IO: forged, expired,
 * unsigned, wrong-algorithm and edited tokens are refused with the reason, another user's valid token gets 403/404,
 * and a socket cannot get into another user's room whatever it sends. The victim has data, so a leak would show.
 */
describe('cross-user denial', () => {
  jest.setTimeout(120_000);
  const victim = uniqueUser('victim');
  const mallory = uniqueUser('mallory');
  let victimSocket: RecordingSocket;
  let tradeId: string;

  beforeAll(async () => {
    victimSocket = await RecordingSocket.connect(tokenFor(victim));
    const trade = aTrade({ userId: victim });
    tradeId = trade.tradeId;
    expect((await post('/v1/trades', trade)).status).toBe(202);
    const exposure = await victimSocket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === tradeId, 60_000);
    await victimSocket.waitFor<RiskMetrics>('risk-metrics', (m) => m.sourceEventId === exposure.eventId, 60_000);
  });
  afterAll(() => victimSocket?.close());

  const reads = (user: string) => [
    `/v1/users/${user}/exposure`,
    `/v1/users/${user}/positions`,
    `/v1/users/${user}/risk-metrics`,
    `/v1/users/${user}/trading-state`,
    `/v1/users/${user}/trades`,
    `/v1/users/${user}/history?bucket=minute`,
    `/v1/users/${user}/alerts`,
    `/v1/users/${user}/alert-channels`,
    `/v1/users/${user}/alert-deliveries`,
  ];

  it('serves the victim its own data (the reads below would find it)', async () => {
    const own = await get(`/v1/users/${victim}/trades`, tokenFor(victim));
    expect(own.status).toBe(200);
    expect(own.text).toContain(tradeId);
  });

  it('refuses every bad token on every REST read with 401 and the reason', async () => {
    for (const [what, token] of badTokens(victim)) {
      for (const path of reads(victim)) {
        const res = await get(path, token);
        expect({ what, path, status: res.status }).toEqual({ what, path, status: 401 });
        expect(JSON.parse(res.text)).toMatchObject({ message: expect.stringMatching(/token/) });
        expect(res.text).not.toContain(tradeId);
      }
    }
  });

  it("answers another user's valid token 403 (reads) or 404 (alerts), and changes nothing", async () => {
    const token = tokenFor(mallory);
    for (const path of reads(victim)) {
      const res = await get(path, token);
      expect({ path, status: res.status }).toEqual({ path, status: path.includes('/alert') ? 404 : 403 });
      expect(res.text).not.toContain(tradeId);
    }
    const put = await fetch(`${GATEWAY_URL}/v1/users/${victim}/alert-channels`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channels: [{ kind: 'webhook', url: 'https://attacker.example/hook', secret: 'attacker-secret-0123456789' }] }),
    });
    expect(put.status).toBe(404);
    expect((await get(`/v1/users/${victim}/alert-channels`, tokenFor(victim))).text).not.toContain('attacker.example');
    expect((await fetch(`${GATEWAY_URL}/v1/alerts/max-exposure:${victim}:1/ack`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('refuses every bad token on the socket handshake with the reason', async () => {
    for (const [what, token] of badTokens(victim)) {
      const message = await socketRefusal({ token });
      expect({ what, message }).toEqual({ what, message: expect.stringMatching(/^unauthorized: /) });
    }
  });

  it("keeps a socket out of another user's room whatever it asks for", async () => {
    // The victim's id in every other place a client could put it: the auth object and the query.
    const attacker = await new Promise<RecordingSocket>((resolve, reject) => {
      const socket = io(GATEWAY_URL, { auth: { token: tokenFor(mallory), userId: victim, room: userRoom(victim) }, query: { userId: victim, room: userRoom(victim) }, transports: ['websocket'], reconnection: false });
      socket.once('connect_error', reject);
      socket.once('connect', () => resolve(RecordingSocket.wrap(socket)));
    });
    try {
      // The server listens to no client event: join and subscribe requests are ignored.
      for (const event of ['join', 'subscribe', 'joinRoom', 'room']) {
        (attacker.socket as unknown as { emit: (event: string, ...args: unknown[]) => void }).emit(event, userRoom(victim));
        (attacker.socket as unknown as { emit: (event: string, ...args: unknown[]) => void }).emit(event, { userId: victim });
      }
      const trade = aTrade({ userId: victim });
      expect((await post('/v1/trades', trade)).status).toBe(202);
      const exposure = await victimSocket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === trade.tradeId, 60_000);
      await victimSocket.waitFor<RiskMetrics>('risk-metrics', (m) => m.sourceEventId === exposure.eventId, 60_000);
      // The attacker's own update proves its socket is live and served in the same order as the victim's.
      const own = aTrade({ userId: mallory });
      expect((await post('/v1/trades', own)).status).toBe(202);
      await attacker.waitFor<RiskMetrics>('risk-metrics', (m) => m.tradeIds?.includes(own.tradeId) ?? false, 60_000);
      expect(attacker.events.filter((e) => JSON.stringify(e.payload).includes(victim))).toEqual([]);
      expect(attacker.socket.connected).toBe(true);
    } finally {
      attacker.close();
    }
  });
});

describe('sockets per user', () => {
  it(`accepts ${MAX_SOCKETS_PER_USER} sockets of one user, refuses one more with the reason, and accepts again once one closes`, async () => {
    const user = uniqueUser('many-tabs');
    const open: RecordingSocket[] = [];
    try {
      for (let i = 0; i < Number(MAX_SOCKETS_PER_USER); i++) open.push(await RecordingSocket.connect(tokenFor(user)));
      expect(await socketRefusal({ token: tokenFor(user) })).toBe(`too many connections: at most ${MAX_SOCKETS_PER_USER} sockets per user are allowed, close one first`);
      // Another user is not affected by this user's sockets.
      open.push(await RecordingSocket.connect(tokenFor(uniqueUser('other'))));
      const closing = open.shift();
      await new Promise<void>((resolve) => {
        closing?.socket.once('disconnect', () => resolve());
        closing?.close();
      });
      // The server sees the close a moment later; the next handshake is accepted once it has.
      let again: RecordingSocket | undefined;
      for (let attempt = 0; attempt < 50 && !again; attempt++) {
        again = await RecordingSocket.connect(tokenFor(user)).catch(async () => {
          await new Promise((r) => setTimeout(r, 100));
          return undefined;
        });
      }
      expect(again).toBeDefined();
      if (again) open.push(again);
    } finally {
      for (const s of open) s.close();
    }
  });
});
