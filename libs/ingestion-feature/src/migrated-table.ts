/** PostgreSQL's `undefined_table`: the query named a table the database does not have. */
const UNDEFINED_TABLE = '42P01';

/**
 * Runs a query on a table the migrations create (tools/db/migrate.cjs); when the table is missing, says so by name
 * instead of PostgreSQL's bare "relation does not exist", so an operator knows to run the migrations.
 */
export const onMigratedTable = async <T>(table: string, query: () => Promise<T>): Promise<T> => {
  try {
    return await query();
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) {
      throw new Error(`table ${table} does not exist: run the database migrations (npm run migrate, tools/db/migrate.cjs)`, { cause: error });
    }
    throw error;
  }
};
