import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics } from '@hyperdex/contracts';
import { BatchEventPattern, type InboundEvent } from '@hyperdex/messaging';
import { AlertLifecycleService } from './alert-lifecycle.service';

/** Risk alerts in, as a batch of one partition; mounted by the event-bus transport (connectEventBus). */
@Controller()
export class AlertingConsumer {
  constructor(private readonly lifecycle: AlertLifecycleService) {}

  // No alert may be missed, including those raised before this group first existed.
  @BatchEventPattern(Topics.riskAlerts, { groupId: 'alerting', fromBeginning: true })
  async onRiskAlerts(@Payload() events: ReadonlyArray<InboundEvent<typeof Topics.riskAlerts>>): Promise<void> {
    await this.lifecycle.applyBatch(events.map((e) => ({ payload: e.payload, context: e.context })));
  }
}
