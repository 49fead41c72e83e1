import { Global, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@hyperdex/observability';
import { dataSourceOptions } from './data-source';
import type { DatabaseSettings } from './database.settings';
import { AlertRepository } from './repositories/alert.repository';
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
      providers: [TradeLedgerRepository, AlertRepository],
      exports: [TradeLedgerRepository, AlertRepository],
    };
  }

  onModuleInit(): void {
    this.health.register({
      name: 'postgres',
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
  }
}
