import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { validate } from '@hyperdex/contracts';

/**
 * Reads a JSON configuration file named by an environment variable. A service must not start on a bad file, so
 * every failure throws with the variable, the path and each offending field.
 */
export function readJsonConfigFile<S extends z.ZodType>(variable: string, file: string, schema: S): z.infer<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${variable} ${file}: ${(error as Error).message}`);
  }
  const result = validate(schema, parsed);
  if (!result.ok) throw new Error(`${variable} ${file}: ${result.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`);
  return result.value;
}
