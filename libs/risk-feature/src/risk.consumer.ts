import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { PriceHistoryRepository } from '@hyperdex/persistence';
import type { RiskConfig } from './risk.config';
import { RISK_CONFIG, RiskEngineService } from './risk-engine.service';

/**
 * Feeds prices into the market model (every instance reads every price), exposure updates into the engine, and
 * acknowledgements of alerts back to the rule engine (a manual-reset breach holds the user until acknowledged).
 */
@Injectable()
export class RiskConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly engine: RiskEngineService,
    @Inject(RISK_CONFIG) private readonly config: RiskConfig,
    @Inject(PriceHistoryRepository) private readonly history: Pick<PriceHistoryRepository, 'record' | 'loadRecentBars'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The compacted topic holds only each token's latest price: the bars behind VaR come from the kept history.
    this.engine.restoreMarket(await this.history.loadRecentBars(this.config.RISK_BAR_MS, this.config.RISK_HISTORY_POINTS + 1));
    await this.subscribers.subscribe({
      topic: Topics.prices,
      groupId: `risk-prices-${this.config.RISK_INSTANCE_ID}`,
      // The compacted topic replays each token's latest price, so a restarted instance knows where markets are.
      fromBeginning: true,
      commitOffsets: false,
      // Synchronous O(1) per tick, then the chunk kept in the price history (one INSERT) for replay.
      handleBatch: async (ticks) => {
        for (const tick of ticks) this.engine.applyPrice(tick.payload);
        await this.history.record(ticks.map((t) => t.payload));
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.positions,
      groupId: 'risk',
      // A new deployment judges the present, not a replay of every past exposure.
      fromBeginning: false,
      // A user whose partition moved away leaves memory, so it is never evaluated again from stale state.
      onAssignment: (partitions) => this.engine.retainPartitions(partitions),
      // Batch-first: each user of a chunk is evaluated once, on their latest update (see RiskEngineService).
      handleBatch: async (events) => {
        await this.engine.evaluateBatch(events);
      },
    });
    await this.subscribers.subscribe({
      topic: Topics.alertNotifications,
      // Every instance sees every acknowledgement: the user's rule state lives with whichever instance holds the
      // user's positions partition, which this group's assignment cannot know.
      groupId: `risk-acks-${this.config.RISK_INSTANCE_ID}`,
      fromBeginning: false,
      handleBatch: async (events) => {
        await this.engine.acknowledgeBatch(events.map((e) => e.payload));
      },
    });
  }
}
