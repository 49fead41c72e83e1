import type { z } from 'zod';
import type { FieldError } from './field-error';
import { MAX_MESSAGE_JSON_DEPTH, jsonTextNestsDeeperThan } from './json-text-depth';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** `['trades', 2, 'amountIn']` → `trades[2].amountIn`; the root is `(root)`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(root)';
}

function issueReason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : `must be ${issue.expected}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Runs a schema and reports every offending field, never just the first. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): Validation<z.infer<S>> {
  // Asking zod to keep each issue's input takes it off its compiled fast path (about 1.8× the cost of a valid
  // exposure update), and only a failure needs the inputs (for "got string"): valid input is checked once, plainly.
  const checked = schema.safeParse(input);
  if (checked.success) return { ok: true, value: checked.data };
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => ({
    field: formatPath(issue.path, prefix),
    reason: issueReason(issue),
  }));
  return { ok: false, errors };
}

/** Parses JSON text and validates it; a syntax error is reported as a field error on the root. */
export function decodeJson<S extends z.ZodType>(schema: S, text: string): Validation<z.infer<S>> {
  if (jsonTextNestsDeeperThan(text, MAX_MESSAGE_JSON_DEPTH)) {
    return { ok: false, errors: [{ field: '(root)', reason: `nests deeper than ${MAX_MESSAGE_JSON_DEPTH} levels of objects and arrays` }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ field: '(root)', reason: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validate(schema, parsed);
}
