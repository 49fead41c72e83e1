import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import type { HealthRegistry, ServiceMetrics } from '@hyperdex/observability';
import type { EventPublisher } from '../ports/event-publisher.port';
import { EventSubscriberFactory, type Subscription, type SubscriptionOptions } from '../ports/event-subscriber.port';
import type { InMemoryBroker } from './in-memory-broker';
import { InMemorySubscription, type InMemorySubscriptionSettings } from './in-memory-subscription';

/** Subscriptions on the in-memory bus: each a readiness check, all stopped on shutdown. */
export class InMemorySubscriberFactory extends EventSubscriberFactory {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly broker: InMemoryBroker,
    private readonly settings: InMemorySubscriptionSettings,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly health: HealthRegistry,
    private readonly logger: Logger,
  ) {
    super();
  }

  async subscribe<T extends TopicName>(options: SubscriptionOptions<T>): Promise<Subscription> {
    const subscription = new InMemorySubscription(options, this.broker, this.settings, this.publisher, this.metrics, this.logger);
    this.subscriptions.push(subscription);
    this.health.register({ name: `bus-consumer:${options.topic}:${options.groupId}`, check: async () => subscription.readiness() });
    await subscription.start();
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.stop()));
  }
}
