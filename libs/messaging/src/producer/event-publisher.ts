import { Partitioners, type IHeaders, type Message, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { TopicContracts, validate } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { withPublishSpan } from '@hyperdex/telemetry';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { RawRecord } from '../ports/bus-record';
import { EventPublisher } from '../ports/event-publisher.port';
import { ContractViolationError, type OutboundEvent } from '../ports/outbound-event';
import { SendCoalescer, type TopicBatch } from './send-coalescer';
import { causedHeaders } from './caused-headers';

/** Every dead-letter topic is `<topic>.dlq` (contracts' deadLetterTopic); each record written to one is counted by that topic. */
const DEAD_LETTER_SUFFIX = '.dlq';

/**
 * Publishes typed events: keys each as its topic contract says (and, with KAFKA_VALIDATE_OUTGOING, validates it), and resolves
 * only when all in-sync replicas have it (idempotent producer, acks=all). Concurrent publishes are merged into few
 * produce requests (see SendCoalescer), so a service that publishes per batch pays one round trip per batch.
 */
export class KafkaEventPublisher extends EventPublisher {
  private readonly producer: Producer;
  private readonly coalescer: SendCoalescer<Message>;
  private connected = false;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    super();
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
    const { producerMaxInFlight, producerLingerMs, producerMaxBatchRecords } = connection.settings;
    this.coalescer = new SendCoalescer<Message>((batches) => this.send(batches), {
      maxInFlight: producerMaxInFlight,
      lingerMs: producerLingerMs,
      maxRecords: producerMaxBatchRecords,
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

  /**
   * Publishes events of any topics in one produce request (all or nothing for the caller). A record with
   * `causedBy` continues the trace of the record that caused it; the others continue the caller's active trace.
   */
  async publishAll(events: ReadonlyArray<OutboundEvent>): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    const uncaused = new Map<string, Message[]>();
    for (const event of events) {
      const contract = TopicContracts[event.topic];
      if (this.connection.settings.validateOutgoing) {
        const checked = validate(contract.schema, event.payload);
        if (!checked.ok) {
          throw new ContractViolationError(event.topic, checked.errors.map((e) => `${e.field} ${e.reason}`).join('; '));
        }
      }
      const key = (contract.key as (value: OutboundEvent['payload']) => string)(event.payload);
      const message: Message = { key, value: JSON.stringify(event.payload), headers: this.headers(event.causedBy ? causedHeaders(event.topic, event.causedBy) : {}) };
      push(byTopic, event.topic, message);
      if (!event.causedBy) push(uncaused, event.topic, message);
    }
    await this.sendTraced(byTopic, uncaused);
  }

  /** Sends records as they are (dead letters keep the original bytes), carrying the caller's trace in headers. */
  async publishRaw(topic: string, records: readonly RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    const messages: Message[] = records.map((r) => ({ key: r.key, value: r.value, headers: this.headers(r.headers ?? {}) }));
    await this.sendTraced(new Map([[topic, messages]]), new Map([[topic, messages]]));
    if (topic.endsWith(DEAD_LETTER_SUFFIX)) this.metrics.deadLetters.inc({ topic }, records.length);
  }

  private headers(extra: IHeaders): IHeaders {
    return { 'content-type': 'application/json', ...extra, 'x-produced-by': this.connection.settings.clientId };
  }

  /** One PRODUCER span for the publish; records that name no cause take their trace headers from it. */
  private async sendTraced(byTopic: Map<string, Message[]>, uncaused: Map<string, Message[]>): Promise<void> {
    const topics = [...byTopic.keys()];
    const count = [...byTopic.values()].reduce((n, m) => n + m.length, 0);
    await withPublishSpan(topics.join(','), count, async (traceHeaders) => {
      for (const messages of uncaused.values()) for (const m of messages) m.headers = { ...m.headers, ...traceHeaders };
      await this.coalescer.enqueue([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    });
    for (const [topic, messages] of byTopic) this.metrics.messagesProduced.inc({ topic }, messages.length);
    this.logger.debug({ topics, count }, 'published');
  }

  private async send(batches: Array<TopicBatch<Message>>): Promise<void> {
    await this.producer.sendBatch({ acks: -1, topicMessages: batches });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
