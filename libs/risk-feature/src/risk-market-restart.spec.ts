import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Topics, type ExposureUpdate, type PriceTick } from '@hyperdex/contracts';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { published, until } from '@hyperdex/embedded/testing';
import { EventPublisher, toKafkaSettings } from '@hyperdex/messaging';
import { riskConfigSchema } from './risk.config';
import { RiskModule } from './risk.module';

const BAR = 60_000;
const T0 = Date.UTC(2026, 2, 1, 12);
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const BARS = 30;

/** One WETH tick per bar, a zig-zag so the returns have a spread. */
const tickAt = (i: number): PriceTick => ({ chainId: 1, token: WETH, priceUsd: String(3000 + (i % 2 === 0 ? i : -i) * 10), timestamp: T0 + i * BAR + 1_000, source: 'spec' });

const exposure = (userId: string, eventId: string, asOf: number): ExposureUpdate => ({
  eventId,
  userId,
  asOf,
  cause: { kind: 'trade', tradeId: eventId, executedAt: asOf, outcome: { closesPosition: false, realizedPnlUsd: '0', notionalUsd: '3000', feesUsd: '0' } },
  grossExposureUsd: '3000',
  netExposureUsd: '3000',
  stablecoinExposureUsd: '0',
  volatileExposureUsd: '3000',
  realizedPnlUsd: '0',
  unrealizedPnlUsd: '0',
  feesUsd: '0',
  pnlComplete: true,
  positions: [
    { chainId: 1, token: WETH, symbol: 'WETH', decimals: 18, balance: '1000000000000000000', priceUsd: '3000', priceTimestamp: asOf, valueUsd: '3000', share: '1', stablecoin: false, costUsd: '3000', averageCostUsd: '3000', unrealizedPnlUsd: '0', realizedPnlUsd: '0', feesUsd: '0' },
  ],
  unpriced: [],
  oldestPriceAt: asOf,
});

/**
 * A restart of the risk service in the embedded mode: the database (its data folder) survives, the bus does not, as
 * after `npm start` is stopped and started again. The market's bars must come back from the kept price history, so
 * the first evaluation after the restart already has VaR (before: null until ~20 new bars had passed).
 */
describe('risk restarted with a market history kept in the database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'risk-market-'));
  const config = riskConfigSchema.parse({ RISK_MONTE_CARLO_WORKERS: '0', RISK_INSTANCE_ID: 'spec', RISK_BAR_MS: String(BAR) });
  let infra: EmbeddedInfrastructure | undefined;
  let app: INestApplication | undefined;

  const start = async () => {
    infra = await EmbeddedInfrastructure.open({ dataDir, partitions: 1 });
    const moduleRef = await Test.createTestingModule({
      imports: [...infra.modules({ name: 'risk', logger: pino({ level: process.env['SPEC_LOG'] ?? 'silent' }), messaging: toKafkaSettings(config, 'risk') }), RiskModule.forRoot(config)],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    return { infra, app };
  };
  const stop = async () => {
    await app?.close();
    await infra?.close();
    app = undefined;
    infra = undefined;
  };

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('evaluates VaR on the first update after the restart', async () => {
    const first = await start();
    // One at a time, each kept before the next: the bus compacts the prices topic, as Kafka's log cleaner may.
    for (let i = 0; i < BARS; i++) {
      await first.app.get(EventPublisher).publish(Topics.prices, [tickAt(i)]);
      await until(async () => (await first.infra.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM price_ticks`))[0]?.n === i + 1, `tick ${i} kept`, 20_000);
    }
    await first.app.get(EventPublisher).publish(Topics.positions, [exposure('before', 'b-1', T0 + BARS * BAR)]);
    await until(() => published(first.infra.broker, Topics.riskMetrics).length === 1, 'the metrics before the restart', 20_000);
    const before = published(first.infra.broker, Topics.riskMetrics)[0];
    expect(before?.userId).toBe('before');
    expect(before?.valueAtRisk.returnPoints).toBe(BARS - 2);
    await stop();

    const second = await start();
    // What the compacted topic would replay: the latest tick only.
    await second.app.get(EventPublisher).publish(Topics.prices, [tickAt(BARS - 1)]);
    await second.app.get(EventPublisher).publish(Topics.positions, [exposure('after', 'a-1', T0 + BARS * BAR)]);
    await until(() => published(second.infra.broker, Topics.riskMetrics).length === 1, 'the metrics after the restart', 20_000);
    const after = published(second.infra.broker, Topics.riskMetrics)[0];
    expect(after?.userId).toBe('after');
    expect(after?.valueAtRisk.returnPoints).toBe(BARS - 2);
    expect(after?.valueAtRisk.historical).toEqual(before?.valueAtRisk.historical);
    expect(after?.valueAtRisk.parametric).not.toBeNull();
  }, 120_000);
});
