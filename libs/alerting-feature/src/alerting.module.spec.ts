import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics, type RiskAlert } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { deadLetters, published, until } from '@hyperdex/embedded/testing';
import { EventPublisher, connectEventBus, kafkaEnvSchema, toKafkaSettings } from '@hyperdex/messaging';
import { SqlDatabase } from '@hyperdex/persistence';
import { AlertingModule } from './alerting.module';
import { alertingConfigSchema } from './alerting.config';

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
});
