import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { HealthRegistry, LOGGER } from '@hyperdex/observability';
import { MIGRATIONS } from '../postgres/data-source';
import { SQL_REPOSITORIES, SQL_REPOSITORY_TOKENS } from '../postgres/sql-repositories';
import { SqlDatabase } from '../sql/sql-database';
import { runSqlMigrations } from '../sql/sql-migrations';
import { PgliteSqlDatabase } from './pglite-sql-database';

export type PgliteOptions =
  /** Opens its own database: in a folder that keeps the data across restarts, or in memory when absent. */
  | { dataDir?: string }
  /** Uses a database opened (and closed) by its owner, shared by several modules of one process. */
  | { database: PgliteSqlDatabase };

const OWNS_DATABASE = Symbol('OWNS_DATABASE');

/**
 * The repositories on PGlite, embedded PostgreSQL: the same migrations and the same SQL as the services run on
 * PostgreSQL, with no server. Migrations run at start-up.
 */
@Global()
@Module({})
export class PgliteModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(SqlDatabase) private readonly db: PgliteSqlDatabase,
    private readonly health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(OWNS_DATABASE) private readonly ownsDatabase: boolean,
  ) {}

  static forRoot(options: PgliteOptions): DynamicModule {
    return {
      module: PgliteModule,
      providers: [
        'database' in options ? { provide: SqlDatabase, useValue: options.database } : { provide: SqlDatabase, useFactory: () => PgliteSqlDatabase.open(options.dataDir) },
        { provide: OWNS_DATABASE, useValue: !('database' in options) },
        ...SQL_REPOSITORIES,
      ],
      exports: [SqlDatabase, ...SQL_REPOSITORY_TOKENS],
    };
  }

  async onModuleInit(): Promise<void> {
    const applied = await runSqlMigrations(this.db, MIGRATIONS);
    if (applied.length) this.logger.info({ applied }, 'applied migrations to the embedded database');
    this.health.register({ name: 'pglite', check: async () => void (await this.db.query('SELECT 1')) });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsDatabase) await this.db.close();
  }
}
