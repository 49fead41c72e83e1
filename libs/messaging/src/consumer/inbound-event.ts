import type { TopicName, TopicPayload } from '@hyperdex/contracts';
import type { RecordTrace } from '@hyperdex/telemetry';
import type { PermanentFailure } from './permanent-failure';

export interface MessageContext {
  topic: TopicName;
  partition: number;
  offset: string;
  key: string | null;
  /** Broker timestamp of the record (epoch ms). */
  timestamp: number;
  /**
   * When the input that started this record's causal chain was ingested (epoch ms): the record's own timestamp
   * for a trade or price, carried through every later hop (see INGESTED_AT_HEADER). Absent where unknown.
   */
  ingestedAt?: number;
  /** The trace the record carries; a record published with `causedBy` this context continues it. */
  trace: RecordTrace;
}

/** One decoded, contract-valid record handed to a handler. */
export interface InboundEvent<T extends TopicName> {
  readonly payload: TopicPayload<T>;
  readonly context: MessageContext;
}

/** What a batch handler refused for good: those records go to the DLQ, the rest of the batch stands. */
export interface BatchOutcome<T extends TopicName> {
  readonly rejected: ReadonlyArray<{ readonly event: InboundEvent<T>; readonly failure: PermanentFailure }>;
}

/**
 * The handler of a subscription: an ordered batch of one partition's records. It makes every effect durable before
 * it resolves (offsets are committed only afterwards), and it must be idempotent: after a crash or a transient
 * error the same records arrive again. Throwing a PermanentFailure refuses the batch; the subscription then retries
 * it record by record, so only the records that fail alone are dead-lettered. Any other error retries the batch.
 */
export type BatchHandler<T extends TopicName> = (events: ReadonlyArray<InboundEvent<T>>) => Promise<BatchOutcome<T> | void>;

/**
 * Adapts per-record code to the batch interface: records in order, one at a time. A PermanentFailure refuses only
 * its record; any other error stops the batch for a retry (records before it are re-applied idempotently).
 */
export function eachEvent<T extends TopicName>(
  handle: (payload: TopicPayload<T>, context: MessageContext) => Promise<unknown> | void,
): BatchHandler<T> {
  return async (events) => {
    const rejected: Array<BatchOutcome<T>['rejected'][number]> = [];
    for (const event of events) {
      try {
        await handle(event.payload, event.context);
      } catch (error) {
        if (!isPermanentFailure(error)) throw error;
        rejected.push({ event, failure: error });
      }
    }
    return { rejected };
  };
}

/** By name as well as class, so a failure raised by another copy of this lib is still recognised. */
export function isPermanentFailure(error: unknown): error is PermanentFailure {
  return error instanceof Error && error.name === 'PermanentFailure' && Array.isArray((error as PermanentFailure).errors);
}
