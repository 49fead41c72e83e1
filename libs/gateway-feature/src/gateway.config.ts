import { hostname } from 'node:os';
import { z } from 'zod';
import { envList, serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema, redisEnvSchema } from '@hyperdex/persistence';

export const gatewayConfigSchema = serviceEnvSchema(3000)
  .extend(kafkaEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(databaseEnvSchema.shape)
  .extend({
    /** HS256 secret that signs dashboard and API tokens. */
    JWT_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
    /** Origins allowed to open sockets and call the REST API; `*` allows any. */
    GATEWAY_CORS_ORIGINS: envList('*'),
    /** Names this instance's private consumer groups: every gateway instance relays every event to its own sockets. */
    GATEWAY_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dot, dash or underscore').default(`${hostname()}-${process.pid}`),
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
