import { Kafka, logLevel, type Admin, type ITopicConfig } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, deadLetterTopic, type TopicName } from '@hyperdex/contracts';
import { pinoLogCreator } from './kafka-log.adapter';
import type { KafkaSettings } from './kafka.settings';

/** The only place that builds a kafkajs client, so swapping the client library touches this lib alone. */
export class KafkaConnection {
  readonly kafka: Kafka;
  private probe: Admin | undefined;

  constructor(
    readonly settings: KafkaSettings,
    private readonly logger: Logger,
  ) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logLevel: logLevel.WARN,
      logCreator: pinoLogCreator(logger),
      retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    });
  }

  /**
   * Creates each topic and its dead-letter topic if missing. Several services run this at once on a fresh
   * cluster, so "already exists" is success and the broker's transient metadata errors are retried.
   */
  async ensureTopics(topics: readonly TopicName[], timeoutMs = 60_000): Promise<void> {
    const wanted: ITopicConfig[] = topics.flatMap((topic) => [
      {
        topic,
        numPartitions: this.settings.topicPartitions,
        replicationFactor: this.settings.replicationFactor,
        configEntries: TopicContracts[topic].compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      },
      { topic: deadLetterTopic(topic), numPartitions: 1, replicationFactor: this.settings.replicationFactor },
    ]);
    const deadline = Date.now() + timeoutMs;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.createMissing(admin, wanted);
          // Every partition must have a leader before producers and consumers start.
          const { topics: metadata } = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
          const leaderless = metadata.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}[${p.partitionId}]`));
          if (leaderless.length) throw Object.assign(new Error(`no leader yet for ${leaderless.join(', ')}`), { retriable: true });
          return;
        } catch (error) {
          const retriable = isRetriable(error);
          if (!retriable || Date.now() > deadline) throw error;
          this.logger.info({ attempt, err: error }, 'topics not ready yet; retrying');
          await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * attempt)));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async createMissing(admin: Admin, wanted: ITopicConfig[]): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    // kafkajs itself treats "already exists" (another service won the race) as success.
    if (await admin.createTopics({ topics: missing, waitForLeaders: true })) {
      this.logger.info({ topics: missing.map((t) => t.topic) }, 'created Kafka topics');
    }
  }

  /** Readiness: the cluster answers a metadata request (over one long-lived admin connection, not one per probe). */
  async ping(): Promise<void> {
    await (await this.admin()).describeCluster();
  }

  /** The long-lived admin connection of probes and scrapes (readiness, consumer lag). */
  async admin(): Promise<Admin> {
    if (!this.probe) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.probe = admin;
    }
    return this.probe;
  }

  async close(): Promise<void> {
    await this.probe?.disconnect();
    this.probe = undefined;
  }
}

/** kafkajs marks transient protocol errors retriable; an aggregate is retriable when any part is. */
function isRetriable(error: unknown): boolean {
  const e = error as { retriable?: boolean; errors?: Array<{ retriable?: boolean }> };
  return e.retriable === true || (e.errors?.some((inner) => inner.retriable === true) ?? false);
}
