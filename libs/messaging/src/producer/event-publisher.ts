import { Partitioners, type IHeaders, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, validate, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { withPublishSpan } from '@hyperdex/telemetry';
import type { KafkaConnection } from '../kafka/kafka-connection';

export interface RawRecord {
  key: string | null;
  value: string;
  headers?: IHeaders;
}

/** Raised when the service itself tried to publish a payload that breaks the topic's contract (a bug, not input). */
export class ContractViolationError extends Error {
  constructor(topic: string, details: string) {
    super(`refusing to publish to ${topic}: ${details}`);
    this.name = 'ContractViolationError';
  }
}

/**
 * Publishes typed events: validates each against its topic contract, keys it as the contract says,
 * and resolves only when all in-sync replicas have it (idempotent producer, acks=all).
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    // The default partitioner hashes keys like the Java client (murmur2), so every client agrees on a user's partition.
    this.producer = connection.kafka.producer({
      idempotent: true,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // A few seconds of retries, then fail: ingestion answers 503 instead of holding its caller indefinitely.
      retry: { retries: 4, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
    this.connected = false;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  async publish<T extends TopicName>(topic: T, payloads: ReadonlyArray<TopicPayload<T>>): Promise<void> {
    if (payloads.length === 0) return;
    const contract = TopicContracts[topic];
    const records: RawRecord[] = payloads.map((payload) => {
      const checked = validate(contract.schema, payload);
      if (!checked.ok) {
        throw new ContractViolationError(topic, checked.errors.map((e) => `${e.field} ${e.reason}`).join('; '));
      }
      const key = (contract.key as (value: TopicPayload<T>) => string)(payload);
      return { key, value: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
    });
    await this.publishRaw(topic, records);
  }

  /** Sends records as they are (dead letters keep the original bytes), carrying the trace context in headers. */
  async publishRaw(topic: string, records: readonly RawRecord[]): Promise<void> {
    await withPublishSpan(topic, records.length, (traceHeaders) =>
      this.producer.send({
        topic,
        acks: -1,
        messages: records.map((r) => ({
          key: r.key,
          value: r.value,
          headers: { ...r.headers, ...traceHeaders, 'x-produced-by': this.connection.settings.clientId },
        })),
      }),
    );
    this.metrics.messagesProduced.inc({ topic }, records.length);
    this.logger.debug({ topic, count: records.length }, 'published');
  }
}
