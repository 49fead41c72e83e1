import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import type { HealthRegistry, ServiceMetrics } from '@hyperdex/observability';
import type { KafkaConnection } from '../kafka/kafka-connection';
import type { EventPublisher } from '../ports/event-publisher.port';
import { EventSubscriberFactory, type Subscription, type SubscriptionOptions } from '../ports/event-subscriber.port';
import { EventSubscription } from './event-subscriber';

/** Kafka subscriptions: creates each, registers it as a readiness check, and stops them all on shutdown. */
export class KafkaSubscriberFactory extends EventSubscriberFactory {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly connection: KafkaConnection,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly health: HealthRegistry,
    private readonly logger: Logger,
  ) {
    super();
  }

  async subscribe<T extends TopicName>(options: SubscriptionOptions<T>): Promise<Subscription> {
    const subscription = new EventSubscription(options, this.connection, this.publisher, this.metrics, this.logger);
    this.subscriptions.push(subscription);
    this.health.register({ name: `kafka-consumer:${options.topic}`, check: async () => subscription.readiness() });
    await subscription.start();
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.stop()));
  }
}
