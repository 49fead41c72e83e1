import type { z } from 'zod';

/** Raised at start-up when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; reason: string }>) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once, at start-up, into a typed object; empty strings count as unset. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      reason: issue.message,
    })),
  );
}
