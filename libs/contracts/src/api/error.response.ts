import type { FieldError } from '../validation/field-error';

/** Every 4xx/5xx body of the HTTP APIs. `details` lists each refused field for a 400. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[];
}
