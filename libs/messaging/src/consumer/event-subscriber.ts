import type { Consumer, EachMessagePayload } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, decodeJson, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { withConsumeSpan } from '@hyperdex/telemetry';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { EventPublisher } from '../producer/event-publisher';
import { buildDeadLetter } from './dead-letter';
import { PermanentFailure } from './permanent-failure';

export interface MessageContext {
  topic: TopicName;
  partition: number;
  offset: string;
  key: string | null;
  /** Broker timestamp of the record (epoch ms). */
  timestamp: number;
}

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
  handler: (payload: TopicPayload<T>, context: MessageContext) => Promise<void>;
}

/**
 * One consumer-group member on one topic. Each record is decoded and validated against the topic's contract:
 * a malformed record or a PermanentFailure goes to `<topic>.dlq` with the reason and the consumer moves on;
 * any other error is retried with backoff (heartbeating) until it succeeds, so nothing is skipped during an
 * outage. Offsets are committed by kafkajs only after the handler has returned, so effects precede commits.
 */
export class EventSubscription<T extends TopicName> {
  private consumer: Consumer;
  private joined = false;
  private crashed: string | null = null;
  private stopping = false;

  constructor(
    private readonly options: SubscriptionOptions<T>,
    private readonly connection: KafkaConnection,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    this.consumer = this.createConsumer();
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: this.options.fromBeginning });
    await this.consumer.run({
      autoCommit: this.options.commitOffsets ?? true,
      partitionsConsumedConcurrently: this.connection.settings.consumerConcurrency,
      eachMessage: (payload) =>
        withConsumeSpan(this.options.topic, payload.partition, payload.message.offset, payload.message.headers, () => this.handle(payload)),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
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
      this.crashed = null;
      this.logger.info({ topic: options.topic, groupId: options.groupId, assignment: event.payload.memberAssignment }, 'joined consumer group');
      options.onAssignment?.(event.payload.memberAssignment[options.topic] ?? []);
    });
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

  private async handle({ partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const { topic, groupId } = this.options;
    const contract = TopicContracts[topic];
    if (message.value === null && contract.compacted) return; // a tombstone: nothing to apply
    const context: MessageContext = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      timestamp: Number(message.timestamp),
    };
    const decoded =
      message.value === null
        ? { ok: false as const, errors: [{ field: '(root)', reason: 'is empty (null record value)' }] }
        : decodeJson(contract.schema, message.value.toString('utf8'));
    if (!decoded.ok) {
      await this.deadLetter(partition, message, 'message does not match the topic contract', decoded.errors, 1);
      return;
    }
    const stopTimer = this.metrics.handlerSeconds.startTimer({ topic });
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(decoded.value as TopicPayload<T>, context);
        stopTimer();
        this.metrics.messagesConsumed.inc({ topic, outcome: 'ok' });
        return;
      } catch (error) {
        if (error instanceof PermanentFailure) {
          await this.deadLetter(partition, message, error.message, error.errors, attempt);
          return;
        }
        if (this.stopping) throw error;
        const backoff = Math.min(this.connection.settings.maxRetryBackoffMs, 50 * 2 ** Math.min(attempt, 16));
        this.logger.warn(
          { topic, partition, offset: message.offset, groupId, attempt, backoffMs: backoff, err: error },
          'handler failed; retrying',
        );
        await sleep(backoff);
        // Throws during a rebalance, handing the uncommitted record to the partition's next owner.
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    partition: number,
    message: EachMessagePayload['message'],
    reason: string,
    errors: Parameters<typeof buildDeadLetter>[5],
    attempts: number,
  ): Promise<void> {
    const { topic, groupId } = this.options;
    const letter = buildDeadLetter(topic, partition, message, groupId, reason, errors, attempts, Date.now());
    await this.publisher.publishRaw(letter.topic, [{ key: letter.key, value: letter.value, headers: { 'content-type': 'application/json' } }]);
    this.metrics.messagesConsumed.inc({ topic, outcome: 'dead-lettered' });
    this.logger.warn({ topic, partition, offset: message.offset, reason, errors }, 'dead-lettered a message');
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
