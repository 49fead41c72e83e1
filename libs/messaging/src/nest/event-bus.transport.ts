import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { TopicContracts, type TopicName } from '@hyperdex/contracts';
import type { BatchOutcome, InboundEvent } from '../consumer/inbound-event';
import { EventSubscriberFactory, type Subscription } from '../ports/event-subscriber.port';
import { BatchContext } from './batch-context';
import type { BatchPatternOptions } from './batch-event-pattern.decorator';

type Events = { error: (error: unknown) => void };

/**
 * A Nest microservice transport over the event-bus ports: each `@BatchEventPattern` handler becomes one
 * subscription of the configured transport (Kafka or in memory), so the handler gets a partition's ordered batch
 * while the subscription keeps validation, the DLQ and commit-after-effect. Handlers of one topic in several
 * modules each get their own subscription and group.
 */
export class EventBusTransport extends Server<Events> implements CustomTransportStrategy {
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly subscribers: EventSubscriberFactory) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.subscribeAll().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.subscriptions.splice(0).map((s) => s.stop()));
  }

  on(): never {
    throw new Error('the event-bus transport emits no events; use the health endpoint');
  }

  unwrap<T>(): T {
    return this.subscribers as T;
  }

  private async subscribeAll(): Promise<void> {
    for (const [pattern, head] of this.messageHandlers) {
      if (!(pattern in TopicContracts)) throw new Error(`@BatchEventPattern names ${pattern}, which is no topic of the contracts`);
      const topic = pattern as TopicName;
      for (let handler: MessageHandler | undefined = head; handler; handler = handler.next as MessageHandler | undefined) {
        const options = handler.extras as BatchPatternOptions | undefined;
        if (!options?.groupId) throw new Error(`the handler of ${topic} names no groupId: declare it with @BatchEventPattern`);
        const run = handler;
        this.subscriptions.push(
          await this.subscribers.subscribe({
            topic,
            ...options,
            handleBatch: async (events: ReadonlyArray<InboundEvent<TopicName>>) => {
              const first = events[0] as InboundEvent<TopicName>;
              const result = await run(events, new BatchContext([topic, first.context.partition, options.groupId]));
              return (await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined })) as BatchOutcome<TopicName> | void;
            },
          }),
        );
      }
    }
  }
}
