import { Topics, type LedgerEvent } from '@hyperdex/contracts';
import type { MessageContext } from '@hyperdex/messaging';
import { extractRecordTrace } from '@hyperdex/telemetry';
import type { ChunkEvent } from '../ledger-chunk';

let nextOffset = 0;

/** A ledger event as the trades subscription hands it over: with the record it came from (offsets increase). */
export function consumed<E extends LedgerEvent>(payload: E, partition = 3): ChunkEvent<E> {
  const context: MessageContext = {
    topic: Topics.trades,
    partition,
    offset: String(nextOffset++),
    key: payload.userId,
    timestamp: 0,
    trace: extractRecordTrace(undefined),
  };
  return { payload, context };
}
