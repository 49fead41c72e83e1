import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { ChunkProcessor, type HandlerRetryLimit } from '../consumer/chunk-processor';
import type { EventPublisher } from '../ports/event-publisher.port';
import type { Subscription, SubscriptionOptions } from '../ports/event-subscriber.port';
import type { GroupMember, InMemoryBroker } from './in-memory-broker';

export interface InMemorySubscriptionSettings {
  consumerMaxBatch: number;
  maxRetryBackoffMs: number;
  handlerRetryLimit?: HandlerRetryLimit;
}

/** Thrown into a handler's retry loop when its partition has been taken away, as kafkajs's heartbeat does. */
class PartitionRevoked extends Error {
  constructor(topic: string, partition: number) {
    super(`partition ${partition} of ${topic} was revoked`);
    this.name = 'PartitionRevoked';
  }
}

interface PartitionWork {
  revoked: boolean;
  wake: (() => void) | null;
  done: Promise<void>;
}

/**
 * One consumer-group member on the in-memory bus. Each assigned partition is worked by its own loop, in order:
 * read up to `maxBatch` records from the group's committed offset, run them through the shared ChunkProcessor
 * (validation, handler, DLQ), and only then commit. A revoked partition's loop finishes or abandons its chunk
 * before the partition moves, and the uncommitted rest goes to the next owner.
 */
export class InMemorySubscription<T extends TopicName> implements Subscription, GroupMember {
  private readonly processor: ChunkProcessor<T>;
  private readonly work = new Map<number, PartitionWork>();
  private joined = false;
  private stopping = false;
  private failure: string | null = null;

  constructor(
    private readonly options: SubscriptionOptions<T>,
    private readonly broker: InMemoryBroker,
    private readonly settings: InMemorySubscriptionSettings,
    publisher: EventPublisher,
    metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    const { topic, groupId, handleBatch } = options;
    const isStopping = () => this.stopping;
    this.processor = new ChunkProcessor({ topic, groupId, handleBatch, maxRetryBackoffMs: settings.maxRetryBackoffMs, retryLimit: settings.handlerRetryLimit, isStopping }, publisher, metrics, logger);
  }

  get topic(): string {
    return this.options.topic;
  }

  get groupId(): string {
    return this.options.groupId;
  }

  async start(): Promise<void> {
    await this.broker.join(this);
    this.joined = true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.broker.leave(this);
    this.joined = false;
  }

  readiness(): void {
    if (this.failure) throw new Error(`consumer of ${this.options.topic} failed: ${this.failure}`);
    if (!this.joined) throw new Error(`consumer of ${this.options.topic} has not joined group ${this.options.groupId}`);
  }

  async revoke(): Promise<void> {
    const held = [...this.work.values()];
    this.work.clear();
    for (const work of held) {
      work.revoked = true;
      work.wake?.();
    }
    await Promise.all(held.map((w) => w.done));
  }

  assign(partitions: readonly number[]): void {
    this.logger.info({ topic: this.options.topic, groupId: this.options.groupId, partitions }, 'joined consumer group');
    this.options.onAssignment?.(partitions);
    for (const partition of partitions) {
      const work: PartitionWork = { revoked: false, wake: null, done: Promise.resolve() };
      work.done = this.consume(partition, work).catch((error: unknown) => {
        // Only a stop ends a handler's retries with an error; anything else here is a bug worth seeing.
        if (!this.stopping && !(error instanceof PartitionRevoked)) {
          this.failure = error instanceof Error ? error.message : String(error);
          this.logger.error({ topic: this.options.topic, partition, err: error }, 'consumer failed');
        }
      });
      this.work.set(partition, work);
    }
  }

  notify(partition: number): void {
    this.work.get(partition)?.wake?.();
  }

  private async consume(partition: number, work: PartitionWork): Promise<void> {
    const { topic, groupId, fromBeginning } = this.options;
    const commits = this.options.commitOffsets ?? true;
    const maxBatch = this.options.maxBatch ?? this.settings.consumerMaxBatch;
    const committed = commits ? this.broker.committed(groupId, topic, partition) : undefined;
    let position = committed ?? (fromBeginning ? 0 : this.broker.endOffset(topic, partition));
    const heartbeat = async () => {
      if (work.revoked) throw new PartitionRevoked(topic, partition);
    };
    // Let the rebalance that assigned this partition finish before the first chunk.
    await Promise.resolve();
    while (!work.revoked) {
      const { records, next } = this.broker.read(topic, partition, position, maxBatch);
      if (records.length > 0) {
        await this.processor.process(partition, records, heartbeat);
        if (commits) this.broker.commit(groupId, topic, partition, next);
      } else if (next === position) {
        await new Promise<void>((resolve) => {
          work.wake = resolve;
        });
        work.wake = null;
        continue;
      } else if (commits) {
        this.broker.commit(groupId, topic, partition, next);
      }
      position = next;
      // Yield between chunks so other partitions and the publishers run, as separate fetches would.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
