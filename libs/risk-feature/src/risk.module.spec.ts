import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics, type ExposureUpdate } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { published, until } from '@hyperdex/embedded/testing';
import { EventPublisher, toKafkaSettings } from '@hyperdex/messaging';
import { RiskStateRepository } from '@hyperdex/persistence';
import { riskConfigSchema } from './risk.config';
import { RiskModule } from './risk.module';

const T0 = Date.UTC(2026, 2, 1, 12);
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

/** An exposure update of a book holding only WETH worth `valueUsd`, as positions publishes it. */
const exposure = (userId: string, eventId: string, valueUsd: string): ExposureUpdate => ({
  eventId,
  userId,
  asOf: T0,
  cause: { kind: 'trade', tradeId: eventId, executedAt: T0, outcome: { closesPosition: false, realizedPnlUsd: '0', notionalUsd: valueUsd, feesUsd: '0' } },
  grossExposureUsd: valueUsd,
  netExposureUsd: valueUsd,
  stablecoinExposureUsd: '0',
  volatileExposureUsd: valueUsd,
  realizedPnlUsd: '0',
  unrealizedPnlUsd: '0',
  feesUsd: '0',
  pnlComplete: true,
  positions: [
    { chainId: 1, token: WETH, symbol: 'WETH', decimals: 18, balance: '1', priceUsd: '3000', priceTimestamp: T0, valueUsd, share: '1', stablecoin: false, costUsd: valueUsd, averageCostUsd: '3000', unrealizedPnlUsd: '0', realizedPnlUsd: '0', feesUsd: '0' },
  ],
  unpriced: [],
  oldestPriceAt: T0,
});

/** The risk module as the service mounts it, on the in-memory bus and PGlite: an evaluation end to end, no Kafka. */
describe('RiskModule on the embedded infrastructure', () => {
  let infra: EmbeddedInfrastructure;
  let app: INestApplication;

  beforeAll(async () => {
    infra = await EmbeddedInfrastructure.open({ partitions: 2 });
    const config = riskConfigSchema.parse({ RISK_MAX_EXPOSURE_USD: '100000', RISK_MONTE_CARLO_WORKERS: '0', RISK_INSTANCE_ID: 'spec' });
    const moduleRef = await Test.createTestingModule({
      imports: [...infra.modules({ name: 'risk', logger: pino({ level: 'silent' }), messaging: toKafkaSettings(config, 'risk') }), RiskModule.forRoot(config)],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await infra?.close();
  });

  it('evaluates an exposure update: metrics out, a breach alert out once, and the state saved', async () => {
    const publisher = app.get(EventPublisher);
    await publisher.publish(Topics.positions, [exposure('safe', 's-1', '3000'), exposure('risky', 'r-1', '250000')]);
    await until(() => published(infra.broker, Topics.riskMetrics).length >= 2, 'risk metrics of both users');

    const metrics = published(infra.broker, Topics.riskMetrics);
    expect(metrics.find((m) => m.userId === 'risky')?.grossExposureUsd).toBe('250000');
    await until(() => published(infra.broker, Topics.riskAlerts).some((a) => a.userId === 'risky'), 'the breach alert');
    const alerts = published(infra.broker, Topics.riskAlerts);
    expect(alerts.filter((a) => a.userId === 'safe')).toEqual([]);
    expect(alerts.filter((a) => a.userId === 'risky')).toEqual([
      expect.objectContaining({ kind: 'MaxExposure', observedValue: '250000', threshold: '100000', sourceEventId: 'r-1' }),
    ]);

    const stored = await app.get(RiskStateRepository).loadMany(['risky', 'safe']);
    expect(stored.get('risky')?.state).not.toBeNull();
    expect(stored.get('risky')?.rules.length).toBeGreaterThan(0);
  });
});
