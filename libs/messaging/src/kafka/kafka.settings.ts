import { z } from 'zod';
import { envBool, envInt, envList } from '@hyperdex/observability';
import type { HandlerRetryLimit } from '../consumer/chunk-processor';

export const kafkaEnvSchema = z.object({
  /** `kafka` (the broker below) or `memory` (an in-process bus: one process, nothing durable; tests and `npm start`). */
  MESSAGING_TRANSPORT: z.enum(['kafka', 'memory']).default('kafka'),
  KAFKA_BROKERS: envList('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().optional(),
  KAFKA_TOPIC_PARTITIONS: envInt(6, 1, 1_000),
  KAFKA_REPLICATION_FACTOR: envInt(1, 1, 10),
  KAFKA_CONSUMER_CONCURRENCY: envInt(6, 1, 64),
  /** Records handed to a handler at most at once (one partition's, in order); a larger fetch is split. */
  KAFKA_CONSUMER_MAX_BATCH: envInt(500, 1, 100_000),
  /**
   * Handled offsets are committed at most this often, and when the stream goes quiet (0: after every chunk). A crash
   * redelivers at most this much, which every handler takes idempotently; each commit is a broker write.
   */
  KAFKA_CONSUMER_COMMIT_INTERVAL_MS: envInt(1_000, 0, 60_000),
  /**
   * A fetch is answered once this many bytes are waiting, or after KAFKA_CONSUMER_MAX_WAIT_MS. Above 1, a trickle of
   * records is gathered into fewer fetches (each costs the broker and the client a round of work) for at most the wait.
   */
  KAFKA_CONSUMER_MIN_BYTES: envInt(1, 1, 10_485_760),
  KAFKA_CONSUMER_MAX_WAIT_MS: envInt(100, 0, 10_000),
  /** Produce requests in flight at once per service; publishes made meanwhile leave together in the next one. */
  KAFKA_PRODUCER_MAX_IN_FLIGHT: envInt(2, 1, 64),
  /** Extra wait (ms) for a lone record to gather company when nothing is in flight; 0 sends at once. */
  KAFKA_PRODUCER_LINGER_MS: envInt(0, 0, 1_000),
  /**
   * Check every published payload against its topic contract before sending. Every consumer validates each record
   * it reads (a bad one goes to the DLQ with the reason), so this second check only moves the failure to its source:
   * worth it in tests, about a tenth of a busy service's CPU in production.
   */
  KAFKA_VALIDATE_OUTGOING: envBool(false),
  /** Records per produce request at most. */
  KAFKA_PRODUCER_MAX_BATCH: envInt(2_000, 1, 100_000),
  KAFKA_MAX_RETRY_BACKOFF_MS: envInt(5_000, 10, 300_000),
  /** A chunk whose handler keeps failing transiently is dead-lettered after this many attempts… */
  KAFKA_HANDLER_MAX_ATTEMPTS: envInt(30, 1, 1_000_000),
  /** …or once this long has passed since its first attempt, whichever comes first (see HandlerRetryLimit). */
  KAFKA_HANDLER_MAX_RETRY_MS: envInt(300_000, 0, 86_400_000),
  /** How long the group waits for a silent member before handing its partitions to another (broker minimum 6 s). */
  KAFKA_SESSION_TIMEOUT_MS: envInt(30_000, 6_000, 300_000),
  /** Create missing topics at start-up; turn off where topics are provisioned apart (ACLs, IaC). */
  KAFKA_CREATE_TOPICS: envBool(true),
});

export type MessagingTransport = 'kafka' | 'memory';

export interface KafkaSettings {
  transport: MessagingTransport;
  brokers: string[];
  clientId: string;
  topicPartitions: number;
  replicationFactor: number;
  /** Partitions processed in parallel by one consumer (order is kept within each partition). */
  consumerConcurrency: number;
  consumerMaxBatch: number;
  consumerCommitIntervalMs: number;
  consumerMinBytes: number;
  consumerMaxWaitMs: number;
  producerMaxInFlight: number;
  producerLingerMs: number;
  producerMaxBatchRecords: number;
  validateOutgoing: boolean;
  /** Ceiling of the backoff between retries of a message that failed for a transient reason. */
  maxRetryBackoffMs: number;
  /** When a transiently failing chunk stops being retried and its failing records are dead-lettered. */
  handlerRetryLimit: HandlerRetryLimit;
  sessionTimeoutMs: number;
  createTopics: boolean;
}

export function toKafkaSettings(env: z.infer<typeof kafkaEnvSchema>, serviceName: string): KafkaSettings {
  return {
    transport: env.MESSAGING_TRANSPORT,
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID ?? `hyperdex-${serviceName}`,
    topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    consumerConcurrency: env.KAFKA_CONSUMER_CONCURRENCY,
    consumerMaxBatch: env.KAFKA_CONSUMER_MAX_BATCH,
    consumerCommitIntervalMs: env.KAFKA_CONSUMER_COMMIT_INTERVAL_MS,
    consumerMinBytes: env.KAFKA_CONSUMER_MIN_BYTES,
    consumerMaxWaitMs: env.KAFKA_CONSUMER_MAX_WAIT_MS,
    producerMaxInFlight: env.KAFKA_PRODUCER_MAX_IN_FLIGHT,
    producerLingerMs: env.KAFKA_PRODUCER_LINGER_MS,
    producerMaxBatchRecords: env.KAFKA_PRODUCER_MAX_BATCH,
    validateOutgoing: env.KAFKA_VALIDATE_OUTGOING,
    maxRetryBackoffMs: env.KAFKA_MAX_RETRY_BACKOFF_MS,
    handlerRetryLimit: { maxAttempts: env.KAFKA_HANDLER_MAX_ATTEMPTS, maxElapsedMs: env.KAFKA_HANDLER_MAX_RETRY_MS },
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    createTopics: env.KAFKA_CREATE_TOPICS,
  };
}
