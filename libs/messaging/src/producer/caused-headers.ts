import { traceHeadersCausedBy } from '@hyperdex/telemetry';
import { INGESTED_AT_HEADER } from '../consumer/ingested-at';
import type { MessageContext } from '../consumer/inbound-event';

/**
 * The headers of a record published because of `cause`: it continues the cause's trace and carries on when the
 * chain's first input was ingested. Both transports use it, so latencies read the same on either.
 */
export function causedHeaders(topic: string, cause: MessageContext): Record<string, string> {
  const headers = traceHeadersCausedBy(topic, cause.trace);
  if (cause.ingestedAt !== undefined) headers[INGESTED_AT_HEADER] = String(cause.ingestedAt);
  return headers;
}
