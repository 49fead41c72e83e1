import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_TOPICS, deadLetterTopic } from '@hyperdex/contracts';
import { PostgresAlertRepository } from '@hyperdex/persistence';
import { EmbeddedInfrastructure } from './embedded-infrastructure';

const alert = {
  alertId: 'kept-1',
  ruleId: 'max-exposure',
  kind: 'MaxExposure' as const,
  userId: 'alice',
  severity: 'critical' as const,
  observedValue: '150000',
  threshold: '100000',
  message: 'over the limit',
  triggeredAt: 1_764_000_000_000,
  sourceEventId: 'src-1',
};

describe('EmbeddedInfrastructure', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hyperdex-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates a new data folder once and keeps what was written across a restart', async () => {
    const first = await EmbeddedInfrastructure.open({ dataDir });
    expect(first.migrationsApplied).toEqual(['InitialSchema1764000000000', 'LedgerEvents1764500000000', 'RiskState1764600000000', 'AlertEpisodes1765000000000', 'GatewayReads1765600000000', 'PriceHistory1766000000000', 'DexPoolsFollowCursor1766300000000', 'AlertDeliveryIngestedAt1766500000000', 'PriceTicksByTime1766700000000']);
    const recorded = await new PostgresAlertRepository(first.database).recordIfNew(alert);
    expect(recorded).toBeInstanceOf(Date);
    await first.close();

    const second = await EmbeddedInfrastructure.open({ dataDir });
    try {
      expect(second.migrationsApplied).toEqual([]);
      expect(await new PostgresAlertRepository(second.database).findRecordedAt('kept-1')).toEqual(recorded);
    } finally {
      await second.close();
    }
  }, 300_000);

  it('creates every topic and its dead-letter topic on the bus, with the partitions asked for', async () => {
    const infra = await EmbeddedInfrastructure.open({ partitions: 3 });
    try {
      for (const topic of ALL_TOPICS) {
        expect(infra.broker.partitionCount(topic)).toBe(3);
        expect(infra.broker.partitionCount(deadLetterTopic(topic))).toBe(1);
      }
    } finally {
      await infra.close();
    }
  }, 300_000);
});
