import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory, eachEvent } from '@hyperdex/messaging';
import type { RiskConfig } from './risk.config';
import { RISK_CONFIG, RiskEngineService } from './risk-engine.service';

/** Feeds prices into the market model (every instance reads every price) and exposure updates into the engine. */
@Injectable()
export class RiskConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly engine: RiskEngineService,
    @Inject(RISK_CONFIG) private readonly config: RiskConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.prices,
      groupId: `risk-prices-${this.config.RISK_INSTANCE_ID}`,
      // The compacted topic replays each token's latest price, so a restarted instance knows where markets are.
      fromBeginning: true,
      commitOffsets: false,
      handleBatch: eachEvent(async (tick) => this.engine.applyPrice(tick)),
    });
    await this.subscribers.subscribe({
      topic: Topics.positions,
      groupId: 'risk',
      // A new deployment judges the present, not a replay of every past exposure.
      fromBeginning: false,
      handleBatch: eachEvent(async (update) => {
        await this.engine.evaluate(update);
      }),
    });
  }
}
