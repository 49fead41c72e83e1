import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics } from '@hyperdex/contracts';
import { BatchEventPattern, type InboundEvent } from '@hyperdex/messaging';
import { AlertRecorderService } from './alert-recorder.service';

/** Risk alerts in, as a batch of one partition; mounted by the event-bus transport (connectEventBus). */
@Controller()
export class AlertingConsumer {
  constructor(private readonly recorder: AlertRecorderService) {}

  // No alert may be missed, including those raised before this group first existed.
  @BatchEventPattern(Topics.riskAlerts, { groupId: 'alerting', fromBeginning: true })
  async onRiskAlerts(@Payload() events: ReadonlyArray<InboundEvent<typeof Topics.riskAlerts>>): Promise<void> {
    await this.recorder.recordBatch(events.map((e) => ({ alert: e.payload, causedBy: e.context })));
  }
}
