import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { TopicContracts, type TopicName, type TopicPayload } from '@hyperdex/contracts';
import { EventPublisher } from '../ports/event-publisher.port';

/**
 * A Nest ClientProxy over the publishing port: `client.emit(topic, payload)` (or an array of payloads) publishes
 * on the configured transport and completes once the bus holds the records. The bus carries events only, so
 * request-response (`send`) is refused.
 */
export class EventBusClient extends ClientProxy {
  constructor(private readonly publisher: EventPublisher) {
    super();
  }

  async connect(): Promise<void> {
    // The publisher is connected by MessagingModule.
  }

  async close(): Promise<void> {
    // Nothing of its own to release.
  }

  unwrap<T>(): T {
    return this.publisher as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({ err: new Error(`the event bus has no request-response: emit ${String(packet.pattern)} as an event`), isDisposed: true });
    return () => undefined;
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket<unknown>): Promise<T> {
    const topic = String(packet.pattern);
    if (!(topic in TopicContracts)) throw new Error(`cannot emit to ${topic}: it is no topic of the contracts`);
    const payloads = (Array.isArray(packet.data) ? packet.data : [packet.data]) as Array<TopicPayload<TopicName>>;
    await this.publisher.publish(topic as TopicName, payloads);
    return undefined as T;
  }
}
