import { Global, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthRegistry } from '@hyperdex/observability';
import { MIGRATIONS, dataSourceOptions } from './data-source';
import type { DatabaseSettings } from './database.settings';
import { SqlDatabase } from '../sql/sql-database';
import { SQL_REPOSITORIES, SQL_REPOSITORY_TOKENS } from './sql-repositories';
import { TypeOrmSqlDatabase } from './typeorm-sql-database';

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
      providers: [{ provide: SqlDatabase, useClass: TypeOrmSqlDatabase }, ...SQL_REPOSITORIES],
      exports: [SqlDatabase, ...SQL_REPOSITORY_TOKENS],
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
