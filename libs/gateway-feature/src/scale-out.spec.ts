import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import { Topics, type ExposureUpdate } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { until } from '@hyperdex/embedded/testing';
import { EventPublisher, kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import { CorsIoAdapter } from './cors-io.adapter';
import { GatewayModule } from './gateway.module';
import { TEST_SECRET, exposure, tokenFor } from './spec-support/payloads';

jest.setTimeout(60_000);

const PORTS = [6021, 6022];
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
const STREAM = `hyperdex-gateway-spec-${process.pid}`;

/**
 * Two gateway instances in the redis-streams mode: one shared consumer group on the bus (here the in-memory one,
 * whose groups split partitions as Kafka's do) and the Socket.IO Redis streams adapter on the real Redis. Every user
 * has a socket on each instance; each socket must get every one of its user's updates exactly once and nothing else.
 */
describe('two gateways sharing a consumer group and the Redis streams adapter', () => {
  let infra: EmbeddedInfrastructure;
  const apps: INestApplication[] = [];
  const redis = new Redis({ host: process.env['REDIS_HOST'] ?? '127.0.0.1', port: Number(process.env['REDIS_PORT'] ?? 6379), lazyConnect: true });
  const sockets: Array<{ user: string; socket: Socket; seen: ExposureUpdate[] }> = [];

  beforeAll(async () => {
    await redis.connect();
    infra = await EmbeddedInfrastructure.open({ partitions: 4 });
    for (const [i, port] of PORTS.entries()) {
      const messaging = toKafkaSettings(kafkaEnvSchema.parse({}), 'gateway');
      const moduleRef = await Test.createTestingModule({
        imports: [
          ...infra.modules({ name: 'gateway', logger: pino({ level: 'silent' }), messaging }),
          GatewayModule.forRoot({ JWT_SECRET: TEST_SECRET, GATEWAY_INSTANCE_ID: `spec-${i}`, GATEWAY_SOCKET_RELAY: 'redis-streams' }),
        ],
      }).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      app.useWebSocketAdapter(new CorsIoAdapter(app, ['*'], { client: redis, streamName: STREAM }));
      await app.listen(port, '127.0.0.1');
      apps.push(app);
    }
    for (const user of USERS) {
      for (const port of PORTS) {
        const entry = { user, socket: io(`http://127.0.0.1:${port}`, { auth: { token: tokenFor(user) }, transports: ['websocket'] }), seen: [] as ExposureUpdate[] };
        entry.socket.on('exposure', (e) => entry.seen.push(e));
        sockets.push(entry);
      }
    }
    await until(() => sockets.every((s) => s.socket.connected), 'every socket connected', 30_000);
  }, 240_000);

  afterAll(async () => {
    for (const s of sockets) s.socket.disconnect();
    for (const app of apps) await app.close();
    await infra?.close();
    await redis.del(STREAM);
    redis.disconnect();
  });

  it("delivers each update exactly once to each of its user's sockets, on either instance, and to no one else", async () => {
    const publisher = apps[0]?.get(EventPublisher) as EventPublisher;
    const now = Date.now();
    const updates = USERS.flatMap((user, u) => [1, 2, 3].map((n) => exposure(user, `${user}-e${n}`, now + u * 10 + n, String(n))));
    await publisher.publish(Topics.positions, updates);
    await until(() => sockets.every((s) => s.seen.length >= 3), "every socket's three updates", 30_000);
    // Let any duplicate or stray delivery arrive before judging.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const s of sockets) expect(s.seen.map((e) => e.eventId)).toEqual([`${s.user}-e1`, `${s.user}-e2`, `${s.user}-e3`]);
    // Read once in all: the instances' relays together emitted each update once (not once per instance).
    const emitted = await Promise.all(
      apps.map(async (app) => (await app.get(ServiceMetrics).registry.getSingleMetric('hyperdex_gateway_socket_events_total')?.get())?.values.reduce((sum, v) => sum + v.value, 0) ?? 0),
    );
    expect(emitted.reduce((a, b) => a + b, 0)).toBe(updates.length);
    expect(emitted.every((n) => n > 0)).toBe(true);
  });
});
