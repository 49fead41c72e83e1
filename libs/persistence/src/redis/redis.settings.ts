import { z } from 'zod';

export const redisEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('hyperdex:'),
});

export interface RedisSettings {
  url: string;
  keyPrefix: string;
}

export const toRedisSettings = (env: z.infer<typeof redisEnvSchema>): RedisSettings => ({
  url: env.REDIS_URL,
  keyPrefix: env.REDIS_KEY_PREFIX,
});
