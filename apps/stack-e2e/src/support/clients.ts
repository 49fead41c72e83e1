import jwt from 'jsonwebtoken';
import { Kafka, logLevel } from 'kafkajs';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Trade } from '@hyperdex/contracts';
import { API_KEY, GATEWAY_URL, INGESTION_URL, JWT_SECRET, KAFKA_BROKER } from './stack-env';

export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/** A valid trade (1 WETH bought for 3,000 USDC) for a fresh user; override what the test is about. */
export const aTrade = (overrides: Partial<Trade> = {}): Trade => {
  const userId = overrides.userId ?? uniqueUser('trader');
  return {
    tradeId: `${userId}-${Math.random().toString(36).slice(2)}`,
    userId,
    chainId: 1,
    dex: 'uniswap-v3',
    tokenIn: USDC,
    tokenOut: WETH,
    amountIn: '3000000000',
    amountOut: '1000000000000000000',
    timestamp: Date.now(),
    ...overrides,
  };
};

/** A user id no earlier run has used, so tests never see each other's state. */
export const uniqueUser = (name: string): string => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export const tokenFor = (sub: string, role?: 'admin'): string =>
  jwt.sign(role ? { sub, role } : { sub }, JWT_SECRET, { algorithm: 'HS256', expiresIn: '10m' });

export async function post(path: string, body: unknown, headers: Record<string, string> = { 'x-api-key': API_KEY }) {
  const res = await fetch(`${INGESTION_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function getExposure(userId: string, token?: string) {
  const res = await fetch(`${GATEWAY_URL}/v1/users/${encodeURIComponent(userId)}/exposure`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Reads a service's Prometheus counter of messages handled from a topic (a real, observable effect). */
export async function consumedCount(port: number, topic: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('hyperdex_kafka_messages_consumed_total{') && l.includes(`topic="${topic}"`) && l.includes('outcome="ok"'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type DashboardEvent = keyof ServerToClientEvents;

/** An authenticated dashboard socket that records every event it receives, in order. */
export class RecordingSocket {
  readonly events: Array<{ event: DashboardEvent; payload: unknown; at: number }> = [];
  private readonly waiters: Array<() => void> = [];

  private constructor(readonly socket: DashboardSocket) {
    socket.on('exposure', (payload) => this.record('exposure', payload));
    socket.on('alert', (payload) => this.record('alert', payload));
    socket.on('alert-updated', (payload) => this.record('alert-updated', payload));
    socket.on('risk-metrics', (payload) => this.record('risk-metrics', payload));
  }

  static async connect(token: string): Promise<RecordingSocket> {
    const socket: DashboardSocket = io(GATEWAY_URL, { auth: { token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new RecordingSocket(socket);
  }

  /** Records an already connected socket (one opened with other handshake options). */
  static wrap(socket: DashboardSocket): RecordingSocket {
    return new RecordingSocket(socket);
  }

  /** Resolves with the first recorded event that matches, waiting for it if needed. */
  async waitFor<T>(event: DashboardEvent, match: (payload: T) => boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.find((e) => e.event === event && match(e.payload as T));
      if (hit) return hit.payload as T;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching ${event} event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  private record(event: DashboardEvent, payload: unknown): void {
    this.events.push({ event, payload, at: Date.now() });
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

export interface RawRecord {
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning with a throw-away group until a record matches. */
export async function findRecord(topic: string, match: (record: RawRecord) => boolean, timeoutMs = 30_000): Promise<RawRecord> {
  const consumer = kafka.consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 100 });
  let found: RawRecord | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
        const record = { key: message.key?.toString() ?? null, value: message.value?.toString() ?? '', headers };
        // A record the predicate cannot read (another suite's garbage on a shared topic) is not a match.
        try {
          if (!found && match(record)) found = record;
        } catch {
          /* not a match */
        }
      },
    });
    await waitUntil(() => found !== undefined, `a matching record on ${topic}`, timeoutMs);
  } finally {
    await consumer.disconnect();
  }
  if (!found) throw new Error(`no matching record on ${topic}`);
  return found;
}

export const kafka = new Kafka({ clientId: 'stack-e2e', brokers: [KAFKA_BROKER], logLevel: logLevel.NOTHING });

/** Opens a socket that must be refused at the handshake, and answers the refusal's message. */
export const socketRefusal = (auth: Record<string, unknown>, query: Record<string, string> = {}): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    const socket = io(GATEWAY_URL, { auth, query, transports: ['websocket'], reconnection: false });
    socket.once('connect', () => {
      socket.close();
      reject(new Error('connected without a valid token'));
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
