import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, deadLetterTopic, type TopicName } from '@hyperdex/contracts';
import { pinoLogCreator } from './kafka-log.adapter';
import type { KafkaSettings } from './kafka.settings';

/** The only place that builds a kafkajs client, so swapping the client library touches this lib alone. */
export class KafkaConnection {
  readonly kafka: Kafka;

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

  /** Creates each topic and its dead-letter topic if missing; safe to run from many services at once. */
  async ensureTopics(topics: readonly TopicName[]): Promise<void> {
    const wanted: ITopicConfig[] = topics.flatMap((topic) => [
      {
        topic,
        numPartitions: this.settings.topicPartitions,
        replicationFactor: this.settings.replicationFactor,
        configEntries: TopicContracts[topic].compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
      },
      { topic: deadLetterTopic(topic), numPartitions: 1, replicationFactor: this.settings.replicationFactor },
    ]);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t.topic));
      if (missing.length === 0) return;
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
        this.logger.info({ topics: missing.map((t) => t.topic) }, 'created Kafka topics');
      } catch (error) {
        // Another service may have created them between listTopics and createTopics.
        if (!String((error as Error).message).includes('already exists')) throw error;
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Readiness: the cluster answers a metadata request. */
  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}
