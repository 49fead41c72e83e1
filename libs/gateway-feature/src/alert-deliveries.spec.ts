import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import type { AlertNotification } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { HttpErrorFilter } from '@hyperdex/observability';
import { AlertDeliveryRepository } from '@hyperdex/persistence';
import { GatewayModule } from './gateway.module';
import { OpenApiValidator } from './spec-support/openapi-validator';
import { TEST_SECRET, tokenFor } from './spec-support/payloads';

// The machine is shared and often loaded: generous per-test time, never a timed assertion.
jest.setTimeout(30_000);

const PORT = 6031;
const BASE = `http://127.0.0.1:${PORT}`;
const T0 = Date.UTC(2026, 5, 1, 12);
const SECRET = 'whsec-never-shown-0123456789';

const notification: AlertNotification = {
  alert: { alertId: 'max-exposure:ana:1', ruleId: 'max-exposure', kind: 'MaxExposure', userId: 'ana', severity: 'critical', level: 'breach', observedValue: '150000', threshold: '100000', message: 'over', triggeredAt: T0, sourceEventId: 'e' },
  status: 'open',
  recordedAt: T0,
  event: 'opened',
  version: 1,
};

/** The dead letters of alert deliveries through the gateway's REST: listed, read with every attempt, redelivered. */
describe('alert deliveries through the gateway REST, on the embedded infrastructure', () => {
  let infra: EmbeddedInfrastructure;
  let app: INestApplication;
  let validator: OpenApiValidator;

  /** Each answer is checked against the document the gateway serves. */
  const call = async (method: 'get' | 'post', path: string, template: string, token: string) => {
    const response = await fetch(`${BASE}${path}`, { method: method.toUpperCase(), headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as Record<string, unknown>;
    expect(validator.errors(method, template, response.status, body)).toEqual([]);
    return { status: response.status, body };
  };

  beforeAll(async () => {
    infra = await EmbeddedInfrastructure.open({ partitions: 2 });
    const messaging = toKafkaSettings(kafkaEnvSchema.parse({}), 'gateway');
    const moduleRef = await Test.createTestingModule({
      imports: [...infra.modules({ name: 'gateway', logger: pino({ level: 'silent' }), messaging }), GatewayModule.forRoot({ JWT_SECRET: TEST_SECRET, GATEWAY_INSTANCE_ID: 'spec' })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new HttpErrorFilter(pino({ level: 'silent' })));
    await app.listen(PORT, '127.0.0.1');
    validator = new OpenApiValidator((await (await fetch(`${BASE}/docs/openapi.json`)).json()) as ConstructorParameters<typeof OpenApiValidator>[0]);

    // One delivery that failed its only attempt: dead-lettered, as the alerting worker leaves it.
    const deliveries = app.get(AlertDeliveryRepository);
    await deliveries.enqueue([{ deliveryId: 'dlv_dead1', channel: { kind: 'webhook', url: 'https://desk.example/hook', secret: SECRET, minSeverity: 'info' }, notification }], 1, T0);
    await deliveries.claimDue(T0, 10, 1000);
    await deliveries.recordAttempt('dlv_dead1', { startedAt: T0, durationMs: 12, outcome: 'failed', statusCode: 500, error: 'answered 500' }, T0 + 1000);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await infra?.close();
  });

  it('lists the dead letter and shows its attempts, without the secret; other users get 404', async () => {
    const listed = await call('get', '/v1/users/ana/alert-deliveries?status=dead', '/v1/users/{userId}/alert-deliveries', tokenFor('ana'));
    expect(listed).toMatchObject({ status: 200, body: { items: [{ deliveryId: 'dlv_dead1', alertId: 'max-exposure:ana:1', type: 'alert.opened', status: 'dead', attempts: 1, maxAttempts: 1, lastError: 'answered 500' }] } });
    expect((await call('get', '/v1/users/ana/alert-deliveries?status=pending', '/v1/users/{userId}/alert-deliveries', tokenFor('ana'))).body).toEqual({ items: [] });

    const detail = await call('get', '/v1/alert-deliveries/dlv_dead1', '/v1/alert-deliveries/{deliveryId}', tokenFor('ana'));
    expect(detail.body).toMatchObject({ status: 'dead', channel: { kind: 'webhook', url: 'https://desk.example/hook' }, attemptLog: [{ attempt: 1, outcome: 'failed', statusCode: 500, error: 'answered 500' }] });
    expect(JSON.stringify(detail.body)).not.toContain(SECRET);

    expect((await call('get', '/v1/users/ana/alert-deliveries', '/v1/users/{userId}/alert-deliveries', tokenFor('bob'))).status).toBe(404);
    expect((await call('get', '/v1/alert-deliveries/dlv_dead1', '/v1/alert-deliveries/{deliveryId}', tokenFor('bob'))).status).toBe(404);
    expect((await call('post', '/v1/alert-deliveries/dlv_dead1/redeliver', '/v1/alert-deliveries/{deliveryId}/redeliver', tokenFor('bob'))).status).toBe(404);
    expect((await call('get', '/v1/users/ana/alert-deliveries?status=dead', '/v1/users/{userId}/alert-deliveries', tokenFor('desk', 'admin'))).body).toMatchObject({ items: [{ deliveryId: 'dlv_dead1' }] });
  });

  it('redelivers a dead letter under the same id, once; a delivery that is not dead answers 409', async () => {
    const again = await call('post', '/v1/alert-deliveries/dlv_dead1/redeliver', '/v1/alert-deliveries/{deliveryId}/redeliver', tokenFor('ana'));
    expect(again).toMatchObject({ status: 200, body: { deliveryId: 'dlv_dead1', status: 'pending', attempts: 1, maxAttempts: 6 } });
    // The worker finds it due at its next poll.
    expect((await app.get(AlertDeliveryRepository).claimDue(Date.now(), 10, 1000)).map((d) => d.deliveryId)).toEqual(['dlv_dead1']);

    const twice = await call('post', '/v1/alert-deliveries/dlv_dead1/redeliver', '/v1/alert-deliveries/{deliveryId}/redeliver', tokenFor('ana'));
    expect(twice.status).toBe(409);
    expect((await call('post', '/v1/alert-deliveries/dlv_nope/redeliver', '/v1/alert-deliveries/{deliveryId}/redeliver', tokenFor('ana'))).status).toBe(404);
  });
});
