import { z } from 'zod';
import { LOG_LEVELS } from '../logging/logger';

/** Env parsing building blocks with messages that say what a valid value looks like. */
export const envInt = (fallback: number, min: number, max: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((v, ctx) => {
      const n = Number(v);
      if (!/^-?\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be an integer between ${min} and ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

export const envPort = (fallback: number) => envInt(fallback, 1, 65_535);

export const envList = (fallback?: string) =>
  (fallback === undefined ? z.string({ error: 'is required' }) : z.string().default(fallback)).transform((v, ctx) => {
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'must list at least one comma-separated value' });
      return z.NEVER;
    }
    return items;
  });

export const envBool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Variables every service reads. */
export const serviceEnvSchema = (defaultPort: number) =>
  z.object({
    PORT: envPort(defaultPort),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    SHUTDOWN_GRACE_MS: envInt(10_000, 0, 120_000),
    // Longer than a load balancer's idle timeout (60 s on the common ones): Node's 5 s default has the server close a
    // kept-alive connection as a client or proxy reuses it, which the client sees as a failed request.
    HTTP_KEEP_ALIVE_TIMEOUT_MS: envInt(65_000, 1_000, 600_000),
    // Connections the kernel holds until the service accepts them (capped by net.core.somaxconn). Node's 511 overflows
    // when a burst of clients connects while the event loop is busy: the SYNs are dropped and retried after 1, 3, 7 s.
    HTTP_LISTEN_BACKLOG: envInt(4_096, 1, 65_535),
  });

export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
