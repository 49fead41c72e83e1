import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { Subscription, SubscriptionOptions } from '../ports/event-subscriber.port';
import { ChunkProcessor } from './chunk-processor';
import { partitionLags } from './consumer-lag';
import { OffsetCommitter } from './offset-committer';

export type { MessageContext } from './inbound-event';

/**
 * One consumer-group member on one topic, batch-first. Each fetched batch of a partition is split into chunks of at
 * most `maxBatch` records, in order; each record is decoded and validated against the topic's contract, and the
 * valid ones go to the handler together. A malformed record, or one the handler refuses for good, goes to
 * `<topic>.dlq` with the reason; any other error retries the chunk with backoff (heartbeating) until it succeeds,
 * so nothing is skipped during an outage. A chunk's offset is resolved and handed to the OffsetCommitter only after
 * the handler has returned and its dead letters are acknowledged, so effects always precede commits.
 */
export class EventSubscription<T extends TopicName> implements Subscription {
  private consumer: Consumer;
  private readonly processor: ChunkProcessor<T>;
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
    publisher: EventPublisher,
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
    const { topic, groupId, handleBatch } = options;
    const isStopping = () => this.stopping;
    this.processor = new ChunkProcessor({ topic, groupId, handleBatch, maxRetryBackoffMs: connection.settings.maxRetryBackoffMs, retryLimit: connection.settings.handlerRetryLimit, isStopping }, publisher, metrics, logger);
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
      minBytes: connection.settings.consumerMinBytes,
      maxWaitTimeInMs: connection.settings.consumerMaxWaitMs,
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
    // Taken before any await: the scrape's other gauges are read now, and the lag must not be newer than they are.
    const processed = new Map(this.processed);
    const admin = await this.connection.admin();
    const commits = this.options.commitOffsets ?? true;
    const [ends, offsets] = await Promise.all([admin.fetchTopicOffsets(topic), commits ? admin.fetchOffsets({ groupId, topics: [topic] }) : null]);
    const committed = offsets ? new Map((offsets[0]?.partitions ?? []).map((p) => [p.partition, p.offset])) : null;
    for (const { partition, next, lag } of partitionLags(ends, { committed, processed, fromBeginning })) {
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
      await this.processor.process(batch.partition, chunk, heartbeat);
      const last = (chunk[chunk.length - 1] as KafkaMessage).offset;
      resolveOffset(last);
      this.processed.set(batch.partition, last);
      await this.committer?.handled(batch.partition, last);
      await heartbeat();
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
