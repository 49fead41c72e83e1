import { Global, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@hyperdex/observability';
import { MIGRATIONS, dataSourceOptions } from './data-source';
import type { DatabaseSettings } from './database.settings';
import { AlertRepository } from './repositories/alert.repository';
import { AlertEpisodeRepository } from './repositories/alert-episode.repository';
import { AlertChannelRepository } from './repositories/alert-channel.repository';
import { AlertDeliveryRepository } from './repositories/alert-delivery.repository';
import { AlertVolumeRepository } from './repositories/alert-volume.repository';
import { RiskStateRepository } from './repositories/risk-state.repository';
import { TradeLedgerRepository } from './repositories/trade-ledger.repository';

/** PostgreSQL through TypeORM, the repositories over it, and a readiness check. Migrations run apart (tools/db). */
@Global()
@Module({})
export class PostgresModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(settings: DatabaseSettings): DynamicModule {
    return {
      module: PostgresModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(settings), retryAttempts: 10, retryDelay: 1_000 })],
      providers: [TradeLedgerRepository, AlertRepository, AlertEpisodeRepository, AlertChannelRepository, AlertDeliveryRepository, AlertVolumeRepository, RiskStateRepository],
      exports: [TradeLedgerRepository, AlertRepository, AlertEpisodeRepository, AlertChannelRepository, AlertDeliveryRepository, AlertVolumeRepository, RiskStateRepository],
    };
  }

  onModuleInit(): void {
    this.health.register({
      name: 'postgres',
      // Ready only on the schema this build expects: a service must not consume before migrations ran.
      check: async () => {
        const rows: Array<{ name: string }> = await this.dataSource.query('SELECT name FROM migrations');
        const applied = new Set(rows.map((r) => r.name));
        const pending = MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
        if (pending.length) throw new Error(`pending migrations: ${pending.join(', ')} (run tools/db/migrate.cjs)`);
      },
    });
  }
}
