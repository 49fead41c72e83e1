import { z } from 'zod';
import { FieldErrorSchema } from '../validation/field-error';

/** What lands on `<topic>.dlq`: the original bytes untouched, where they came from, and why they were refused. */
export const DeadLetterSchema = z.strictObject({
  originalTopic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  /** The original value as UTF-8 (or base64 when not valid UTF-8). */
  value: z.string().nullable(),
  valueEncoding: z.enum(['utf8', 'base64']),
  consumerGroup: z.string(),
  reason: z.string(),
  errors: z.array(FieldErrorSchema),
  failedAt: z.number().int(),
  attempts: z.number().int().min(1),
});

export type DeadLetter = z.infer<typeof DeadLetterSchema>;
