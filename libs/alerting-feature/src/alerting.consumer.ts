import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { AlertLifecycleService } from './alert-lifecycle.service';

@Injectable()
export class AlertingConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly lifecycle: AlertLifecycleService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.riskAlerts,
      groupId: 'alerting',
      // No alert may be missed, including those raised before this group first existed.
      fromBeginning: true,
      handleBatch: async (events) => {
        await this.lifecycle.applyBatch(events.map((e) => ({ payload: e.payload, context: e.context })));
      },
    });
  }
}
