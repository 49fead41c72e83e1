import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import type { HealthRegistry, ServiceMetrics } from '@hyperdex/observability';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { EventPublisher } from '../producer/event-publisher';
import { EventSubscription, type SubscriptionOptions } from './event-subscriber';

/** Creates subscriptions, registers each as a readiness check, and stops them all on shutdown. */
export class EventSubscriberFactory {
  private readonly subscriptions: Array<EventSubscription<TopicName>> = [];

  constructor(
    private readonly connection: KafkaConnection,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly health: HealthRegistry,
    private readonly logger: Logger,
  ) {}

  async subscribe<T extends TopicName>(options: SubscriptionOptions<T>): Promise<EventSubscription<T>> {
    const subscription = new EventSubscription(options, this.connection, this.publisher, this.metrics, this.logger);
    this.subscriptions.push(subscription as unknown as EventSubscription<TopicName>);
    this.health.register({ name: `kafka-consumer:${options.topic}`, check: async () => subscription.readiness() });
    await subscription.start();
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.stop()));
  }
}
