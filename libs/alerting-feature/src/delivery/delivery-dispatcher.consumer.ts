import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics, type AlertNotification } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { AlertChannelRepository, AlertDeliveryRepository } from '@hyperdex/persistence';
import { ALERTING_CLOCK, type Clock } from '../alert-lifecycle.service';
import { deliveriesFor } from './deliveries-for';
import { DELIVERY_CONFIG, DeliveryWorkerService, type DeliveryConfig } from './delivery-worker.service';

/**
 * Turns every alert change (from the alerting service or a user's action at the gateway) into deliveries to the
 * user's channels. The deliveries are stored before the chunk is acknowledged; sending is the worker's job, so a slow
 * receiver never stalls this partition.
 */
@Injectable()
export class DeliveryDispatcherConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    @Inject(AlertChannelRepository) private readonly channels: Pick<AlertChannelRepository, 'getMany'>,
    @Inject(AlertDeliveryRepository) private readonly deliveries: Pick<AlertDeliveryRepository, 'enqueue'>,
    private readonly worker: DeliveryWorkerService,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.alertNotifications,
      groupId: 'alerting-delivery',
      // A new deployment delivers changes from now on, not the history of every alert.
      fromBeginning: false,
      handleBatch: async (events) => {
        await this.dispatch(events.map((e) => e.payload));
      },
    });
  }

  async dispatch(notifications: readonly AlertNotification[]): Promise<number> {
    const byUser = await this.channels.getMany(notifications.map((n) => n.alert.userId));
    const deliveries = notifications.flatMap((n) => deliveriesFor(n, byUser.get(n.alert.userId) ?? []));
    const created = await this.deliveries.enqueue(deliveries, this.config.ALERT_DELIVERY_MAX_ATTEMPTS, this.clock());
    if (created > 0) this.worker.kick();
    return created;
  }
}
