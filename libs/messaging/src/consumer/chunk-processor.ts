import type { Logger } from 'pino';
import { TopicContracts, decodeJson, type FieldError, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { extractRecordTrace, withBatchConsumeSpan } from '@hyperdex/telemetry';
import type { BusRecord, RawRecord } from '../ports/bus-record';
import type { EventPublisher } from '../ports/event-publisher.port';
import { buildDeadLetter } from './dead-letter';
import { isPermanentFailure, type BatchHandler, type InboundEvent, type MessageContext } from './inbound-event';
import { ingestedAtOf } from './ingested-at';

interface Refusal {
  message: BusRecord;
  reason: string;
  errors: FieldError[];
  attempts: number;
}

export interface ChunkProcessorOptions<T extends TopicName> {
  topic: T;
  groupId: string;
  handleBatch: BatchHandler<T>;
  /** Ceiling of the backoff between retries of a chunk that failed for a transient reason. */
  maxRetryBackoffMs: number;
  /** True once the subscription is stopping: a transient failure then ends the retries. */
  isStopping: () => boolean;
  /** When a transiently failing chunk stops being retried; defaults to DEFAULT_HANDLER_RETRY_LIMIT. */
  retryLimit?: HandlerRetryLimit;
}

/**
 * Bounds the retries of a chunk whose handler keeps failing with an error that is not a PermanentFailure: after
 * `maxAttempts` attempts, or once `maxElapsedMs` has passed since the first, the chunk is narrowed to its records one
 * by one (one attempt each) and those that still fail are dead-lettered, so one poison record cannot stall its
 * partition for ever. The bound has to outlast an ordinary outage of a dependency (a database restart), or that
 * outage would dead-letter healthy records; they can be redriven from the DLQ (`npm run dlq:redrive`).
 */
export interface HandlerRetryLimit {
  maxAttempts: number;
  maxElapsedMs: number;
}

export const DEFAULT_HANDLER_RETRY_LIMIT: HandlerRetryLimit = { maxAttempts: 30, maxElapsedMs: 300_000 };

type Rejection<T extends TopicName> = { event: InboundEvent<T>; failure: { message: string; errors: FieldError[] }; attempts: number };

/**
 * The part of a subscription that every transport shares, for one chunk of one partition: decode and validate each
 * record against the topic's contract, hand the valid ones to the handler together, retry transient failures with
 * backoff (heartbeating), narrow a PermanentFailure down to the records that fail alone, and dead-letter the
 * malformed and the refused. It resolves only when the handler has returned and the dead letters are acknowledged,
 * so the transport commits the chunk's offset after it.
 */
export class ChunkProcessor<T extends TopicName> {
  constructor(
    private readonly options: ChunkProcessorOptions<T>,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {}

  async process(partition: number, messages: readonly BusRecord[], heartbeat: () => Promise<void>): Promise<void> {
    const { topic } = this.options;
    const contract = TopicContracts[topic];
    const events: Array<InboundEvent<T>> = [];
    const messageOf = new Map<InboundEvent<T>, BusRecord>();
    const refused: Refusal[] = [];
    for (const message of messages) {
      if (message.value === null && contract.compacted) continue; // a tombstone: nothing to apply
      const decoded =
        message.value === null
          ? { ok: false as const, errors: [{ field: '(root)', reason: 'is empty (null record value)' }] }
          : decodeJson(contract.schema, message.value.toString('utf8'));
      if (!decoded.ok) {
        refused.push({ message, reason: 'message does not match the topic contract', errors: decoded.errors, attempts: 1 });
        continue;
      }
      const event: InboundEvent<T> = { payload: decoded.value as TopicPayload<T>, context: contextOf(topic, partition, message) };
      events.push(event);
      messageOf.set(event, message);
    }
    if (events.length > 0) {
      const stopTimer = this.metrics.handlerSeconds.startTimer({ topic });
      const rejected = await this.runWithRetry(partition, events, heartbeat);
      stopTimer();
      for (const { event, failure, attempts } of rejected) {
        refused.push({ message: messageOf.get(event) as BusRecord, reason: failure.message, errors: failure.errors, attempts });
      }
      this.metrics.messagesConsumed.inc({ topic, outcome: 'ok' }, events.length - rejected.length);
    }
    if (refused.length > 0) await this.deadLetter(partition, refused);
  }

  /**
   * Runs the handler until it succeeds, within the retry limit. A PermanentFailure thrown for a batch of several
   * records is narrowed down by retrying them one by one, so only a record that fails on its own is refused; a chunk
   * that exhausts the limit is narrowed the same way, one attempt per record.
   */
  private async runWithRetry(
    partition: number,
    events: ReadonlyArray<InboundEvent<T>>,
    heartbeat: () => Promise<void>,
    limit: HandlerRetryLimit = this.options.retryLimit ?? DEFAULT_HANDLER_RETRY_LIMIT,
    earlier: { attempts: number; startedAt: number } = { attempts: 0, startedAt: Date.now() },
  ): Promise<Array<Rejection<T>>> {
    const { topic, groupId } = this.options;
    const first = events[0] as InboundEvent<T>;
    const { startedAt } = earlier;
    for (let attempt = earlier.attempts + 1; ; attempt++) {
      try {
        const outcome = await withBatchConsumeSpan(topic, partition, first.context.offset, events.map((e) => e.context.trace), () => this.options.handleBatch(events));
        this.metrics.handlerAttempts.inc({ topic, outcome: 'ok' });
        return (outcome?.rejected ?? []).map((r) => ({ ...r, attempts: attempt }));
      } catch (error) {
        if (isPermanentFailure(error)) {
          this.metrics.handlerAttempts.inc({ topic, outcome: 'refused' });
          if (events.length === 1) return [{ event: first, failure: error, attempts: attempt }];
          return this.oneByOne(partition, events, heartbeat, limit, null);
        }
        if (this.options.isStopping()) throw error;
        const elapsedMs = Date.now() - startedAt;
        if (attempt >= limit.maxAttempts || elapsedMs >= limit.maxElapsedMs) {
          this.metrics.handlerAttempts.inc({ topic, outcome: 'exhausted' });
          this.logger.error({ topic, partition, offset: first.context.offset, records: events.length, groupId, attempt, elapsedMs, err: error }, 'handler retries exhausted');
          // Each record then gets one attempt alone, counted after the chunk's: those that fail again are refused.
          if (events.length > 1) return this.oneByOne(partition, events, heartbeat, limit, { attempts: attempt, startedAt });
          const reason = `handler failed ${attempt} times over ${elapsedMs} ms (limit ${limit.maxAttempts} attempts or ${limit.maxElapsedMs} ms): ${messageOf(error)}`;
          return [{ event: first, failure: { message: reason, errors: [{ field: '(handler)', reason: messageOf(error) }] }, attempts: attempt }];
        }
        this.metrics.handlerAttempts.inc({ topic, outcome: 'retried' });
        const backoff = Math.min(this.options.maxRetryBackoffMs, 50 * 2 ** Math.min(attempt, 16));
        this.logger.warn(
          { topic, partition, offset: first.context.offset, records: events.length, groupId, attempt, backoffMs: backoff, err: error },
          'handler failed; retrying',
        );
        await sleep(backoff);
        // Throws during a rebalance, handing the uncommitted records to the partition's next owner.
        await heartbeat();
      }
    }
  }

  private async oneByOne(
    partition: number,
    events: ReadonlyArray<InboundEvent<T>>,
    heartbeat: () => Promise<void>,
    limit: HandlerRetryLimit,
    /** The chunk's attempts so far, or null to give each record a fresh limit. */
    earlier: { attempts: number; startedAt: number } | null,
  ): Promise<Array<Rejection<T>>> {
    const rejected: Array<Rejection<T>> = [];
    for (const event of events) rejected.push(...(await this.runWithRetry(partition, [event], heartbeat, limit, earlier ?? undefined)));
    return rejected;
  }

  private async deadLetter(partition: number, refused: readonly Refusal[]): Promise<void> {
    const { topic, groupId } = this.options;
    const now = Date.now();
    const letters = refused.map((r) => buildDeadLetter(topic, partition, r.message, groupId, r.reason, r.errors, r.attempts, now));
    const records: RawRecord[] = letters.map((l) => ({ key: l.key, value: l.value, headers: { 'content-type': 'application/json' } }));
    await this.publisher.publishRaw(letters[0]?.topic as string, records);
    this.metrics.messagesConsumed.inc({ topic, outcome: 'dead-lettered' }, refused.length);
    for (const r of refused) this.logger.warn({ topic, partition, offset: r.message.offset, reason: r.reason, errors: r.errors }, 'dead-lettered a message');
  }
}

function contextOf(topic: TopicName, partition: number, message: BusRecord): MessageContext {
  const timestamp = Number(message.timestamp);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    timestamp,
    ingestedAt: ingestedAtOf(message.headers, timestamp),
    trace: extractRecordTrace(message.headers),
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
