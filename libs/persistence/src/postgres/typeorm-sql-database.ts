import { Injectable } from '@nestjs/common';
import { DataSource, type QueryResult, type QueryRunner } from 'typeorm';
import { SqlDatabase, type SqlQuerier } from '../sql/sql-database';

/** The SQL port over the service's TypeORM pool (node-postgres underneath). */
@Injectable()
export class TypeOrmSqlDatabase extends SqlDatabase {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  // Structured results: TypeORM's plain query() answers an UPDATE/DELETE … RETURNING as [rows, count] but other
  // statements as rows; the port always answers rows, as PGlite does.
  async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return rowsOf<R>(await runner.query(sql, params ? [...params] : undefined, true));
    } finally {
      await runner.release();
    }
  }

  async transaction<T>(work: (tx: SqlQuerier) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({
        query: async <R>(sql: string, params?: readonly unknown[]): Promise<R[]> =>
          rowsOf<R>(await (manager.queryRunner as QueryRunner).query(sql, params ? [...params] : undefined, true)),
      }),
    );
  }
}

function rowsOf<R>(result: QueryResult): R[] {
  return (result.records ?? []) as R[];
}
