import { z } from 'zod';
import { FieldErrorSchema } from '../validation/field-error';

/** Every 4xx/5xx body of the HTTP APIs. `details` lists each refused field for a 400. */
export const ErrorResponseSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.array(FieldErrorSchema).optional(),
});

export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
