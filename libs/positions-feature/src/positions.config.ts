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
    /** Users kept in memory; beyond it the least recently active are evicted and reload from PostgreSQL. */
    POSITIONS_MAX_CACHED_USERS: envInt(100_000, 1, 100_000_000),
    /**
     * A holder gets at most one price-driven exposure update per interval (ms), at the latest prices; 0 publishes
     * right after each prices chunk. Ledger updates are never delayed by it.
     */
    POSITIONS_PRICE_REVALUE_INTERVAL_MS: envInt(1_000, 0, 3_600_000),
    /** Users per produce request when price moves revalue many holders; runs go one after another. */
    POSITIONS_REVALUE_BATCH: envInt(500, 1, 10_000),
    /** Names this instance's private price-feed consumer group (every instance reads every price). */
    POSITIONS_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dot, dash or underscore').default(`${hostname()}-${process.pid}`),
  });

export type PositionsConfig = z.infer<typeof positionsConfigSchema>;
