import type { Logger } from 'pino';
import { TopicContracts, validate } from '@hyperdex/contracts';
import type { ServiceMetrics } from '@hyperdex/observability';
import { withPublishSpan } from '@hyperdex/telemetry';
import type { RawRecord } from '../ports/bus-record';
import { EventPublisher } from '../ports/event-publisher.port';
import { ContractViolationError, type OutboundEvent } from '../ports/outbound-event';
import { causedHeaders } from '../producer/caused-headers';
import type { InMemoryBroker } from './in-memory-broker';

export interface InMemoryPublisherSettings {
  clientId: string;
  validateOutgoing: boolean;
}

/**
 * Publishes onto the in-memory bus with the Kafka publisher's contract: keyed as each topic's contract says,
 * optionally validated, trace headers carried; resolves once every record is in the log.
 */
export class InMemoryEventPublisher extends EventPublisher {
  constructor(
    private readonly broker: InMemoryBroker,
    private readonly settings: InMemoryPublisherSettings,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    super();
  }

  async publishAll(events: ReadonlyArray<OutboundEvent>): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, RawRecord[]>();
    for (const event of events) {
      const contract = TopicContracts[event.topic];
      if (this.settings.validateOutgoing) {
        const checked = validate(contract.schema, event.payload);
        if (!checked.ok) throw new ContractViolationError(event.topic, checked.errors.map((e) => `${e.field} ${e.reason}`).join('; '));
      }
      const key = (contract.key as (value: OutboundEvent['payload']) => string)(event.payload);
      const headers = event.causedBy ? causedHeaders(event.topic, event.causedBy) : undefined;
      const list = byTopic.get(event.topic) ?? [];
      list.push({ key, value: JSON.stringify(event.payload), headers });
      byTopic.set(event.topic, list);
    }
    await this.append(byTopic);
  }

  async publishRaw(topic: string, records: readonly RawRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.append(new Map([[topic, [...records]]]));
  }

  private async append(byTopic: Map<string, RawRecord[]>): Promise<void> {
    const topics = [...byTopic.keys()];
    const count = [...byTopic.values()].reduce((n, records) => n + records.length, 0);
    await withPublishSpan(topics.join(','), count, async (traceHeaders) => {
      // Check every topic first, so a publish is all or nothing as with Kafka's one produce request.
      for (const topic of topics) this.broker.partitionCount(topic);
      for (const [topic, records] of byTopic) {
        this.broker.append(
          topic,
          records.map((r) => ({ ...r, headers: { 'content-type': 'application/json', ...traceHeaders, ...r.headers, 'x-produced-by': this.settings.clientId } })),
        );
      }
    });
    for (const [topic, records] of byTopic) this.metrics.messagesProduced.inc({ topic }, records.length);
    this.logger.debug({ topics, count }, 'published');
  }
}
