import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, decodeJson, type FieldError, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { extractRecordTrace, withBatchConsumeSpan } from '@hyperdex/telemetry';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { EventPublisher, RawRecord } from '../producer/event-publisher';
import { partitionLags } from './consumer-lag';
import { buildDeadLetter } from './dead-letter';
import { ingestedAtOf } from './ingested-at';
import { OffsetCommitter } from './offset-committer';
import { isPermanentFailure, type BatchHandler, type InboundEvent, type MessageContext } from './inbound-event';

export type { MessageContext } from './inbound-event';

export interface SubscriptionOptions<T extends TopicName> {
  topic: T;
  groupId: string;
  /** A new group starts at the earliest offset (true) or only sees new records (false). */
  fromBeginning: boolean;
  /**
   * false: never commit, so every start begins afresh — at the earliest offset with `fromBeginning` (rebuilding
   * in-memory state from a compacted topic), else at the latest (a live relay). Default true.
   */
  commitOffsets?: boolean;
  /** Called with this member's partitions after every (re)join, so partition-scoped state can be dropped. */
  onAssignment?: (partitions: readonly number[]) => void;
  /** Records per handler call at most; default KAFKA_CONSUMER_MAX_BATCH. */
  maxBatch?: number;
  handleBatch: BatchHandler<T>;
}

interface Refusal {
  message: KafkaMessage;
  reason: string;
  errors: FieldError[];
  attempts: number;
}

/**
 * One consumer-group member on one topic, batch-first. Each fetched batch of a partition is split into chunks of at
 * most `maxBatch` records, in order; each record is decoded and validated against the topic's contract, and the
 * valid ones go to the handler together. A malformed record, or one the handler refuses for good, goes to
 * `<topic>.dlq` with the reason; any other error retries the chunk with backoff (heartbeating) until it succeeds,
 * so nothing is skipped during an outage. A chunk's offset is resolved and handed to the OffsetCommitter only after
 * the handler has returned and its dead letters are acknowledged, so effects always precede commits.
 */
export class EventSubscription<T extends TopicName> {
  private consumer: Consumer;
  private joined = false;
  private crashed: string | null = null;
  private stopping = false;
  private readonly committer: OffsetCommitter | null;
  /** Last offset processed per partition since the last (re)join: one Map.set per chunk, read only at scrape. */
  private readonly processed = new Map<number, string>();
  private removeLagReport: (() => void) | undefined;

  constructor(
    private readonly options: SubscriptionOptions<T>,
    private readonly connection: KafkaConnection,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    this.committer =
      (options.commitOffsets ?? true)
        ? new OffsetCommitter(
            options.topic,
            connection.settings.consumerCommitIntervalMs,
            (offsets) => this.consumer.commitOffsets(offsets),
            (error, offsets) =>
              // Not lost: an uncommitted record is read again after a restart or rebalance, and handled idempotently.
              this.logger.warn({ topic: options.topic, groupId: options.groupId, offsets, err: error }, 'offset commit failed; those records will be redelivered'),
          )
        : null;
    this.consumer = this.createConsumer();
  }

  async start(): Promise<void> {
    this.removeLagReport ??= this.metrics.scrapeHooks.add(() => this.reportLag());
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: this.options.fromBeginning });
    await this.consumer.run({
      // Commits are the OffsetCommitter's (kafkajs's autoCommit commits after every fetched batch).
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.connection.settings.consumerConcurrency,
      eachBatch: (payload) => this.handleFetched(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.removeLagReport?.();
    await this.committer?.flush();
    await this.consumer.disconnect();
    this.joined = false;
  }

  private createConsumer(): Consumer {
    const { options, connection } = this;
    const consumer = connection.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      sessionTimeout: connection.settings.sessionTimeoutMs,
      heartbeatInterval: Math.floor(connection.settings.sessionTimeoutMs / 10),
      rebalanceTimeout: 30_000,
    });
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.joined = true;
      this.processed.clear();
      this.crashed = null;
      this.logger.info({ topic: options.topic, groupId: options.groupId, assignment: event.payload.memberAssignment }, 'joined consumer group');
      const partitions = event.payload.memberAssignment[options.topic] ?? [];
      this.committer?.retain(partitions);
      options.onAssignment?.(partitions);
    });
    // What this member handled is committed before its partitions move, so their next owner starts after it.
    consumer.on(consumer.events.REBALANCING, () => void this.committer?.flush());
    consumer.on(consumer.events.CRASH, (event) => {
      this.joined = false;
      this.crashed = event.payload.error.message;
      this.logger.error({ topic: options.topic, err: event.payload.error, restart: event.payload.restart }, 'consumer crashed');
      // kafkajs restarts itself after transient failures; for the rest, a long-lived service starts over too.
      if (!event.payload.restart && !this.stopping) void this.recover();
    });
    return consumer;
  }

  /** Replaces a consumer that kafkajs gave up on, backing off until the broker takes it again. */
  private async recover(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      await sleep(Math.min(30_000, 500 * 2 ** attempt));
      if (this.stopping) return;
      try {
        await this.consumer.disconnect().catch(() => undefined);
        this.consumer = this.createConsumer();
        await this.start();
        this.logger.info({ topic: this.options.topic, attempt }, 'consumer restarted');
        return;
      } catch (error) {
        this.logger.warn({ topic: this.options.topic, attempt, err: error }, 'consumer restart failed; retrying');
      }
    }
  }

  /** Ready once the group has been joined (partitions assigned) and the consumer has not crashed. */
  readiness(): void {
    if (this.crashed) throw new Error(`consumer of ${this.options.topic} crashed: ${this.crashed}`);
    if (!this.joined) throw new Error(`consumer of ${this.options.topic} has not joined group ${this.options.groupId}`);
  }

  /** At scrape: the group's lag and position on each partition, from the broker's end offsets and commits. */
  private async reportLag(): Promise<void> {
    const { topic, groupId, fromBeginning } = this.options;
    const admin = await this.connection.admin();
    const commits = this.options.commitOffsets ?? true;
    const [ends, offsets] = await Promise.all([admin.fetchTopicOffsets(topic), commits ? admin.fetchOffsets({ groupId, topics: [topic] }) : null]);
    const committed = offsets ? new Map((offsets[0]?.partitions ?? []).map((p) => [p.partition, p.offset])) : null;
    for (const { partition, next, lag } of partitionLags(ends, { committed, processed: this.processed, fromBeginning })) {
      const labels = { group: groupId, topic, partition: String(partition) };
      this.metrics.consumerLag.set(labels, lag);
      this.metrics.consumerCommittedOffset.set(labels, next);
    }
  }

  private async handleFetched({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const maxBatch = this.options.maxBatch ?? this.connection.settings.consumerMaxBatch;
    for (let start = 0; start < batch.messages.length; start += maxBatch) {
      // Stop at a rebalance or shutdown: the uncommitted rest goes to the partition's next owner.
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + maxBatch);
      await this.handleChunk(batch.partition, chunk, heartbeat);
      const last = (chunk[chunk.length - 1] as KafkaMessage).offset;
      resolveOffset(last);
      this.processed.set(batch.partition, last);
      await this.committer?.handled(batch.partition, last);
      await heartbeat();
    }
  }

  private async handleChunk(partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const { topic } = this.options;
    const contract = TopicContracts[topic];
    const events: Array<InboundEvent<T>> = [];
    const messageOf = new Map<InboundEvent<T>, KafkaMessage>();
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
        refused.push({ message: messageOf.get(event) as KafkaMessage, reason: failure.message, errors: failure.errors, attempts });
      }
      this.metrics.messagesConsumed.inc({ topic, outcome: 'ok' }, events.length - rejected.length);
    }
    if (refused.length > 0) await this.deadLetter(partition, refused);
  }

  /**
   * Runs the handler until it succeeds. A PermanentFailure thrown for a batch of several records is narrowed down by
   * retrying them one by one, so only a record that fails on its own is refused.
   */
  private async runWithRetry(
    partition: number,
    events: ReadonlyArray<InboundEvent<T>>,
    heartbeat: () => Promise<void>,
  ): Promise<Array<{ event: InboundEvent<T>; failure: { message: string; errors: FieldError[] }; attempts: number }>> {
    const { topic, groupId } = this.options;
    const first = events[0] as InboundEvent<T>;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await withBatchConsumeSpan(topic, partition, first.context.offset, events.map((e) => e.context.trace), () => this.options.handleBatch(events));
        return (outcome?.rejected ?? []).map((r) => ({ ...r, attempts: attempt }));
      } catch (error) {
        if (isPermanentFailure(error)) {
          if (events.length === 1) return [{ event: first, failure: error, attempts: attempt }];
          const rejected = [];
          for (const event of events) rejected.push(...(await this.runWithRetry(partition, [event], heartbeat)));
          return rejected;
        }
        if (this.stopping) throw error;
        const backoff = Math.min(this.connection.settings.maxRetryBackoffMs, 50 * 2 ** Math.min(attempt, 16));
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

function contextOf(topic: TopicName, partition: number, message: KafkaMessage): MessageContext {
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
