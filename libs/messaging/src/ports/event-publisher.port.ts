import type { TopicName, TopicPayload } from '@hyperdex/contracts';
import type { RawRecord } from './bus-record';
import type { OutboundEvent } from './outbound-event';

/**
 * The publishing port that features inject. Each call resolves only once the transport holds every record (Kafka:
 * acknowledged by all in-sync replicas; in memory: appended to the log), so callers may commit after it.
 * An abstract class rather than an interface so it is also the Nest injection token.
 */
export abstract class EventPublisher {
  /** Publishes payloads of one topic, keyed as the topic's contract says, under the caller's active trace. */
  async publish<T extends TopicName>(topic: T, payloads: ReadonlyArray<TopicPayload<T>>): Promise<void> {
    if (payloads.length === 0) return;
    await this.publishAll(payloads.map((payload) => ({ topic, payload }) as OutboundEvent));
  }

  /** Publishes events of any topics together (all or nothing for the caller). */
  abstract publishAll(events: ReadonlyArray<OutboundEvent>): Promise<void>;

  /** Sends records as they are, to any topic (dead letters). */
  abstract publishRaw(topic: string, records: readonly RawRecord[]): Promise<void>;
}
