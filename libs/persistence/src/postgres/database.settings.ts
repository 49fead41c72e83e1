import { z } from 'zod';
import { envBool, envInt, envPort } from '@hyperdex/observability';

export const databaseEnvSchema = z.object({
  DATABASE_HOST: z.string().default('127.0.0.1'),
  DATABASE_PORT: envPort(5432),
  DATABASE_USER: z.string().default('postgres'),
  DATABASE_PASSWORD: z.string().optional(),
  DATABASE_NAME: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a plain database name').default('hyperdex'),
  DATABASE_POOL_SIZE: envInt(10, 1, 200),
  DATABASE_SSL: envBool(false),
});

export interface DatabaseSettings {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  poolSize: number;
  ssl: boolean;
}

export const toDatabaseSettings = (env: z.infer<typeof databaseEnvSchema>): DatabaseSettings => ({
  host: env.DATABASE_HOST,
  port: env.DATABASE_PORT,
  user: env.DATABASE_USER,
  password: env.DATABASE_PASSWORD,
  database: env.DATABASE_NAME,
  poolSize: env.DATABASE_POOL_SIZE,
  ssl: env.DATABASE_SSL,
});
