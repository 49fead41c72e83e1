import { z } from 'zod';
import { envInt, envList, serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema } from '@hyperdex/persistence';
import { chainFollowEnvSchema } from './chain-follow/chain-follow.config';

export const ingestionConfigSchema = serviceEnvSchema(3001)
  .extend(kafkaEnvSchema.shape)
  // The chain follower's cursors live in PostgreSQL (read only when CHAIN_FOLLOW is set).
  .extend(databaseEnvSchema.shape)
  .extend(chainFollowEnvSchema.shape)
  .extend({
    /** Comma-separated keys accepted in the `x-api-key` header. Required: there is no anonymous ingestion. */
    INGESTION_API_KEYS: envList().refine((keys) => keys.every((k) => k.length >= 16), 'every key must be at least 16 characters'),
    INGESTION_MAX_BATCH: envInt(1_000, 1, 100_000),
    /** Requests per second each API key may make (bursts of one second's worth); 0: unlimited. Per instance, above the 5,000 req/s target. */
    INGESTION_RATE_LIMIT_PER_S: envInt(10_000, 0, 1_000_000),
    /** `key=rate,…`: a rate of its own for some keys (0: unlimited), over INGESTION_RATE_LIMIT_PER_S. */
    INGESTION_RATE_LIMITS: z
      .string()
      .regex(/^([^=,\s]+=\d+)(,[^=,\s]+=\d+)*$/, 'must be key=requestsPerSecond pairs separated by commas')
      .optional(),
    /** JSON file of extra pools `[{chainId, address, poolId?, dexId?, tokens[], underlying?}]` for receipt decoding. */
    DEX_POOLS_FILE: z.string().min(1).optional(),
    /** JSON file of Chainlink aggregators `[{chainId, aggregator, token, decimals}]` whose answers are USD prices. */
    CHAINLINK_FEEDS_FILE: z.string().min(1).optional(),
    /**
     * Chain prices (swap-implied, Chainlink) older than this are not published: the prices topic is compacted by
     * token, so a replayed old receipt would otherwise replace today's price.
     */
    CHAIN_PRICE_MAX_AGE_MS: envInt(600_000, 0, 365 * 86_400_000),
    /** JSON `[{chainId, address, symbol, decimals, stablecoin?}]` added to the seeded tokens (decimals of swap-implied prices). */
    TOKEN_REGISTRY_FILE: z.string().min(1).optional(),
    /** `chainId=url,…`: JSON-RPC endpoints asked for the tokens of pools no registry or receipt names. */
    CHAIN_RPC_URLS: z
      .string()
      .regex(/^(\d+=https?:\/\/[^,\s]+)(,\d+=https?:\/\/[^,\s]+)*$/, 'must be chainId=url pairs separated by commas')
      .optional(),
    /** Where learned pool metadata lives: this replica's memory, or PostgreSQL shared by every replica. */
    DEX_POOL_STORE: z.enum(['memory', 'postgres'], 'must be memory or postgres').default('memory'),
    INGESTION_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 512kb or 5mb')
      .default('5mb'),
  });

export type IngestionConfig = z.infer<typeof ingestionConfigSchema>;
