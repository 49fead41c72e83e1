import { hostname } from 'node:os';
import { z } from 'zod';
import { envInt, serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema, redisEnvSchema } from '@hyperdex/persistence';

export const positionsConfigSchema = serviceEnvSchema(3002)
  .extend(kafkaEnvSchema.shape)
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend({
    /** JSON file of extra tokens `[{chainId, address, symbol, decimals, stablecoin?}]` added to the seeded registry. */
    TOKEN_REGISTRY_FILE: z.string().optional(),
    /** Names this instance's private price-feed consumer group (every instance reads every price). */
    /** Users kept in memory; beyond it the least recently active are evicted and reload from PostgreSQL. */
    POSITIONS_MAX_CACHED_USERS: envInt(100_000, 1, 100_000_000),
    POSITIONS_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dot, dash or underscore').default(`${hostname()}-${process.pid}`),
  });

export type PositionsConfig = z.infer<typeof positionsConfigSchema>;
