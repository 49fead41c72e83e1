import { z } from 'zod';

/** One refused field: a JSON-path-like location (`trades[2].amountIn`) and a sentence saying why. */
export const FieldErrorSchema = z.strictObject({
  field: z.string(),
  reason: z.string(),
});

export type FieldError = z.infer<typeof FieldErrorSchema>;
