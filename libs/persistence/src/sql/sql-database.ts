/** Runs one SQL statement with positional parameters ($1, $2, …) and answers its rows. */
export interface SqlQuerier {
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The SQL port the repositories run on: PostgreSQL through TypeORM in the services, PGlite in the embedded mode.
 * Both are PostgreSQL, so the repositories' SQL is the same text on either. Values come back as node-postgres
 * gives them (bigint and numeric as strings, timestamptz as Date, jsonb parsed).
 */
export abstract class SqlDatabase implements SqlQuerier {
  abstract query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;

  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  abstract transaction<T>(work: (tx: SqlQuerier) => Promise<T>): Promise<T>;
}
