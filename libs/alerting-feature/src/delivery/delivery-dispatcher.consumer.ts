import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { DeliveryDispatcherService } from './delivery-dispatcher.service';

/**
 * Every alert change (from the alerting service or a user's action at the gateway) becomes deliveries to the user's
 * channels, stored before the chunk is acknowledged; a slow receiver never stalls this partition.
 */
@Injectable()
export class DeliveryDispatcherConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly dispatcher: DeliveryDispatcherService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.alertNotifications,
      groupId: 'alerting-delivery',
      // A new deployment delivers changes from now on, not the history of every alert.
      fromBeginning: false,
      handleBatch: async (events) => {
        await this.dispatcher.dispatch(events.map((e) => ({ notification: e.payload, ingestedAt: e.context.ingestedAt })));
      },
    });
  }
}
