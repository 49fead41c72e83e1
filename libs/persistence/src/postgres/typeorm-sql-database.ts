import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlDatabase, type SqlQuerier } from '../sql/sql-database';

/** The SQL port over the service's TypeORM pool (node-postgres underneath). */
@Injectable()
export class TypeOrmSqlDatabase extends SqlDatabase {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.dataSource.query(sql, params ? [...params] : undefined);
  }

  async transaction<T>(work: (tx: SqlQuerier) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({ query: async <R>(sql: string, params?: readonly unknown[]): Promise<R[]> => manager.query(sql, params ? [...params] : undefined) }),
    );
  }
}
