import type { DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { ALL_TOPICS } from '@hyperdex/contracts';
import { InMemoryBroker, MessagingModule, type KafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule } from '@hyperdex/observability';
import { InProcessCacheModule, InProcessExposureCache, MIGRATIONS, PgliteModule, PgliteSqlDatabase, runSqlMigrations } from '@hyperdex/persistence';

export interface EmbeddedOptions {
  /** Folder that keeps the database across restarts; in memory when absent (tests). */
  dataDir?: string;
  /** Partitions per topic on the in-memory bus. */
  partitions?: number;
}

/**
 * The parts every service of the embedded mode shares in one process: the in-memory bus, one PGlite database
 * (migrated), and the in-process exposure cache. Each service mounts them through `modules()`, in place of Kafka,
 * PostgreSQL and Redis, and keeps its own feature module unchanged.
 */
export class EmbeddedInfrastructure {
  private constructor(
    readonly broker: InMemoryBroker,
    readonly database: PgliteSqlDatabase,
    readonly cache: InProcessExposureCache,
    readonly migrationsApplied: readonly string[],
  ) {}

  static async open(options: EmbeddedOptions = {}): Promise<EmbeddedInfrastructure> {
    const broker = new InMemoryBroker(options.partitions ?? 6);
    broker.ensureTopics(ALL_TOPICS);
    const database = await PgliteSqlDatabase.open(options.dataDir);
    try {
      const applied = await runSqlMigrations(database, MIGRATIONS);
      return new EmbeddedInfrastructure(broker, database, new InProcessExposureCache(), applied);
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  /** The infrastructure modules of one service: logs/metrics/health, the bus, the database and the cache. */
  modules(service: { name: string; logger: Logger; messaging: KafkaSettings }): DynamicModule[] {
    return [
      ObservabilityModule.forRoot({ serviceName: service.name, logger: service.logger }),
      MessagingModule.forRoot({ settings: { ...service.messaging, transport: 'memory' }, topics: ALL_TOPICS, broker: this.broker }),
      PgliteModule.forRoot({ database: this.database }),
      InProcessCacheModule.forRoot(this.cache),
    ];
  }

  /** After every service using it has closed. */
  async close(): Promise<void> {
    await this.database.close();
  }
}
