import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { SqlDatabase } from './sql-database';

/**
 * Applies the TypeORM migrations that have not run, in order, each in its own transaction, recording them in the
 * same `migrations` table TypeORM keeps. The migrations only issue SQL through `query`, so they run unchanged on
 * any SqlDatabase (PGlite in the embedded mode). Returns the names applied.
 */
export async function runSqlMigrations(db: SqlDatabase, migrations: ReadonlyArray<new () => MigrationInterface>): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS migrations (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)`);
  const rows = await db.query<{ name: string }>(`SELECT name FROM migrations`);
  const applied = new Set(rows.map((r) => r.name));
  const done: string[] = [];
  for (const Migration of migrations) {
    const migration = new Migration();
    const name = migration.name ?? Migration.name;
    if (applied.has(name)) continue;
    const timestamp = name.match(/(\d{13})$/)?.[1];
    if (!timestamp) throw new Error(`migration ${name} does not end in a 13-digit timestamp`);
    await db.transaction(async (tx) => {
      // The one QueryRunner member the migrations use.
      await migration.up({ query: (sql: string, params?: unknown[]) => tx.query(sql, params) } as unknown as QueryRunner);
      await tx.query(`INSERT INTO migrations ("timestamp", name) VALUES ($1, $2)`, [timestamp, name]);
    });
    done.push(name);
  }
  return done;
}
