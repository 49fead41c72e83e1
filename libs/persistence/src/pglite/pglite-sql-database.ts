import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { SqlDatabase, type SqlQuerier } from '../sql/sql-database';

/** node-postgres leaves 64-bit integers as text (they may exceed 2^53); PGlite would make numbers of them. */
const PARSERS = { [types.INT8]: (value: string) => value };

/**
 * The SQL port on PGlite: PostgreSQL compiled to WebAssembly, in this process, its data in a folder (or in memory
 * when no folder is given). One connection, so statements run one at a time, transactions included.
 */
export class PgliteSqlDatabase extends SqlDatabase {
  private constructor(private readonly db: PGlite) {
    super();
  }

  static async open(dataDir: string | undefined): Promise<PgliteSqlDatabase> {
    const db = dataDir === undefined ? new PGlite({ parsers: PARSERS }) : new PGlite(dataDir, { parsers: PARSERS });
    await db.waitReady;
    return new PgliteSqlDatabase(db);
  }

  async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return (await this.db.query<R>(sql, params ? [...params] : undefined)).rows;
  }

  async transaction<T>(work: (tx: SqlQuerier) => Promise<T>): Promise<T> {
    return this.db.transaction((tx: Transaction) =>
      work({ query: async <R>(sql: string, params?: readonly unknown[]): Promise<R[]> => (await tx.query<R>(sql, params ? [...params] : undefined)).rows }),
    );
  }

  /** PGlite keeps the process alive while open: every owner must close it. */
  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
