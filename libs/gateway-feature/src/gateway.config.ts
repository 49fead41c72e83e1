import { hostname } from 'node:os';
import { z } from 'zod';
import { userId } from '@hyperdex/contracts';
import { envInt, envList, serviceEnvSchema } from '@hyperdex/observability';
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
    /**
     * `redis-streams`: instances share one consumer group per topic and deliver through the Socket.IO Redis streams
     * adapter (scale-out); `local`: each instance reads everything for its own sockets (one instance, no Redis).
     */
    GATEWAY_SOCKET_RELAY: z.enum(['local', 'redis-streams'], 'must be local or redis-streams').default('local'),
    /** The Redis stream the instances exchange socket events on. */
    GATEWAY_SOCKET_STREAM: z.string().regex(/^[A-Za-z0-9:._-]{1,100}$/, 'must be a Redis key of letters, digits and :._-').default('hyperdex-gateway'),
    /**
     * Sockets one user may hold open on one instance; one more is refused (`connect_error`: `too many connections: …`),
     * so a single user (or a stolen token) cannot exhaust the instance's sockets and memory.
     */
    GATEWAY_MAX_SOCKETS_PER_USER: envInt(20, 1, 10_000),
    /** An identity provider's JSON Web Key Set: RS256/ES256 tokens are verified against its keys (HS256 stays). */
    JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** The `iss` and `aud` the provider's tokens must carry; required with JWT_JWKS_URL. */
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** The built dashboard the gateway serves under /dashboard/ (relative to the working directory). */
    GATEWAY_DASHBOARD_DIR: z.string().min(1).default('dist/apps/dashboard'),
    /** Local use only: `GET /dashboard/demo-token` hands out a token for this user (unset: no demo token). */
    GATEWAY_DEMO_USER: userId.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.JWT_JWKS_URL === undefined) return;
    for (const field of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (env[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required with JWT_JWKS_URL' });
    }
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
