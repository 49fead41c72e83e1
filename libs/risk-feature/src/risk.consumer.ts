import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { RiskEvaluatorService } from './risk-evaluator.service';

@Injectable()
export class RiskConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly evaluator: RiskEvaluatorService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.positions,
      groupId: 'risk',
      // A new deployment judges the present, not a replay of every past exposure.
      fromBeginning: false,
      handler: async (update) => {
        await this.evaluator.evaluate(update);
      },
    });
  }
}
