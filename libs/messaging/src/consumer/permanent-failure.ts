import type { FieldError } from '@hyperdex/contracts';

/**
 * Thrown by a handler for a message that can never succeed (it breaks a domain rule).
 * The message goes to the dead-letter topic at once. Any other error is taken as transient and retried.
 */
export class PermanentFailure extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'PermanentFailure';
  }
}
