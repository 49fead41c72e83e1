import type { ErrorResponse } from '@hyperdex/contracts';

/** A non-2xx answer of the gateway: its status and the documented error body (`details` names refused fields). */
export class GatewayApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | null,
  ) {
    super(`gateway answered ${status}: ${body?.message ?? 'no body'}`);
    this.name = 'GatewayApiError';
  }
}
