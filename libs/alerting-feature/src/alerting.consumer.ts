import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { AlertRecorderService } from './alert-recorder.service';

@Injectable()
export class AlertingConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly recorder: AlertRecorderService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.riskAlerts,
      groupId: 'alerting',
      // No alert may be missed, including those raised before this group first existed.
      fromBeginning: true,
      handleBatch: async (events) => {
        await this.recorder.recordBatch(events.map((e) => ({ alert: e.payload, causedBy: e.context })));
      },
    });
  }
}
