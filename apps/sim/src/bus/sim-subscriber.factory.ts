import type { Logger } from 'pino';
import type { TopicName } from '@hyperdex/contracts';
import { EventSubscriberFactory, type EventPublisher, type Subscription, type SubscriptionOptions } from '@hyperdex/messaging';
import type { ServiceMetrics } from '@hyperdex/observability';
import type { SimBus } from './sim-bus';

/**
 * The subscribing port of one simulated service instance: each subscription becomes a member on the SimBus, which
 * the simulation's scheduler drives. Stopping leaves nothing to do here: the simulation removes the instance.
 */
export class SimSubscriberFactory extends EventSubscriberFactory {
  constructor(
    private readonly bus: SimBus,
    private readonly instance: string,
    private readonly publisher: EventPublisher,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
  ) {
    super();
  }

  async subscribe<T extends TopicName>(options: SubscriptionOptions<T>): Promise<Subscription> {
    this.bus.join(this.instance, options as unknown as SubscriptionOptions<TopicName>, this.publisher, this.metrics, this.logger);
    return { readiness: () => undefined, stop: async () => undefined };
  }

  async stopAll(): Promise<void> {
    // The simulation takes the instance's members off the bus when it crashes or stops the instance.
  }
}
