import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics, type RiskAlert } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { deadLetters, published, until } from '@hyperdex/embedded/testing';
import { EventPublisher, INGESTED_AT_HEADER, connectEventBus, kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import { AlertChannelRepository, AlertDeliveryRepository, SqlDatabase } from '@hyperdex/persistence';
import { AlertingModule } from './alerting.module';
import { alertingConfigSchema } from './alerting.config';
import { HttpReceiver } from './testing/http-receiver';

const alert = (alertId: string, userId = 'risky'): RiskAlert => ({
  alertId,
  ruleId: 'max-exposure',
  kind: 'MaxExposure',
  userId,
  severity: 'critical',
  level: 'breach',
  observedValue: '250000',
  threshold: '100000',
  message: 'gross exposure 250000 USD exceeds 100000 USD',
  triggeredAt: Date.UTC(2026, 2, 1, 12),
  sourceEventId: `${alertId}-source`,
});

/** The alerting module through its @BatchEventPattern handler (the Nest transport), on the in-memory bus and PGlite. */
describe('AlertingModule on the embedded infrastructure', () => {
  let infra: EmbeddedInfrastructure;
  let app: INestApplication;
  const receiver = new HttpReceiver();

  beforeAll(async () => {
    infra = await EmbeddedInfrastructure.open({ partitions: 2 });
    const messaging = toKafkaSettings(kafkaEnvSchema.parse({}), 'alerting');
    const moduleRef = await Test.createTestingModule({
      imports: [...infra.modules({ name: 'alerting', logger: pino({ level: 'silent' }), messaging }), AlertingModule.forRoot(alertingConfigSchema.parse({}))],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await connectEventBus(app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await infra?.close();
    await receiver.stop();
  });

  it('records each alert once, however often it is delivered, and opens one episode per user and rule', async () => {
    const publisher = app.get(EventPublisher);
    await publisher.publish(Topics.riskAlerts, [alert('a-1'), alert('a-1'), alert('a-2', 'other')]);
    await until(() => published(infra.broker, Topics.alertNotifications).length >= 2, 'notifications');
    const rows = await app.get(SqlDatabase).query<{ alert_id: string }>(`SELECT alert_id FROM alerts ORDER BY alert_id`);
    expect(rows.map((r) => r.alert_id)).toEqual(['a-1', 'a-2']);
    // The repeat of a-1 is the same breach: no second notification for it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published(infra.broker, Topics.alertNotifications).map((n) => n.alert.userId).sort()).toEqual(['other', 'risky']);
  });

  it('dead-letters an alert that breaks the contract, naming the field', async () => {
    const publisher = app.get(EventPublisher);
    await publisher.publishRaw(Topics.riskAlerts, [{ key: 'risky', value: JSON.stringify({ ...alert('a-bad'), severity: 'apocalyptic' }) }]);
    await until(() => deadLetters(infra.broker, Topics.riskAlerts).length === 1, 'the dead letter');
    expect(deadLetters(infra.broker, Topics.riskAlerts)[0]).toMatchObject({ consumerGroup: 'alerting', errors: [expect.objectContaining({ field: 'severity' })] });
  });

  it('delivers a change to the user’s webhook, timed from the ingestion its risk alert carried; counts open alerts', async () => {
    const base = await receiver.start();
    await app.get(AlertChannelRepository).put('hooked', [{ kind: 'webhook', url: `${base}/hook`, secret: 'whsec-0123456789abcdef', minSeverity: 'info' }]);
    // The trade behind the alert entered the pipeline ten minutes ago; the header carries that along every hop.
    const ingestedAt = Date.now() - 600_000;
    await app.get(EventPublisher).publishRaw(Topics.riskAlerts, [{ key: 'hooked', value: JSON.stringify(alert('a-3', 'hooked')), headers: { [INGESTED_AT_HEADER]: String(ingestedAt) } }]);
    await until(() => receiver.requests.length >= 1, 'the webhook delivery', 20_000);
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}')).toMatchObject({ type: 'alert.opened', alert: { alertId: 'a-3', userId: 'hooked' } });

    const deliveries = app.get(AlertDeliveryRepository);
    await until(async () => (await deliveries.list('hooked', 'delivered', 10)).length === 1, 'the delivery recorded as delivered', 20_000);
    expect(await deliveries.list('hooked', undefined, 10)).toEqual([expect.objectContaining({ status: 'delivered', ingestedAt })]);
    const metrics = app.get(ServiceMetrics).registry;
    const latency = (await metrics.getSingleMetric('hyperdex_alert_delivery_seconds')?.get())?.values ?? [];
    const webhook = (name: string) => latency.find((v) => 'metricName' in v && v.metricName === name && v.labels['channel'] === 'webhook')?.value;
    expect(webhook('hyperdex_alert_delivery_seconds_count')).toBe(1);
    expect(webhook('hyperdex_alert_delivery_seconds_sum')).toBeGreaterThanOrEqual(600);

    // a-1 (risky), a-2 (other) and a-3 (hooked) are open; the dead-lettered alert never opened one.
    expect((await metrics.getSingleMetric('hyperdex_alerts_open')?.get())?.values).toEqual([expect.objectContaining({ value: 3 })]);
  });
});
