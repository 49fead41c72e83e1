import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { PortfolioService } from './portfolio.service';

export const POSITIONS_INSTANCE_ID = Symbol('POSITIONS_INSTANCE_ID');

/**
 * Feeds ledger events: trades, transfers, retractions (shared group: users are split across instances), and token
 * metadata and prices (every instance reads all). Every handler takes a partition's chunk at once.
 */
@Injectable()
export class PositionsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly portfolio: PortfolioService,
    @Inject(POSITIONS_INSTANCE_ID) private readonly instanceId: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Token metadata and prices first, so a restarted instance values trades at replayed prices rather than marking them unpriced.
    await this.subscribers.subscribe({
      topic: Topics.tokens,
      groupId: `positions-tokens-${this.instanceId}`,
      // Every start replays the compacted token topic: what chain data taught is not in the registry file.
      fromBeginning: true,
      commitOffsets: false,
      handleBatch: (events) => this.portfolio.learnTokens(events.map((e) => e.payload)),
    });
    await this.subscribers.subscribe({
      topic: Topics.prices,
      groupId: `positions-prices-${this.instanceId}`,
      // Every start replays the compacted price topic into memory, even with a reused instance id.
      fromBeginning: true,
      commitOffsets: false,
      handleBatch: (events) => this.portfolio.applyPrices(events.map((e) => e.payload)),
    });
    await this.subscribers.subscribe({
      topic: Topics.trades,
      groupId: 'positions',
      fromBeginning: true,
      onAssignment: (partitions) => this.portfolio.retainPartitions(partitions),
      handleBatch: (events) => this.portfolio.applyLedgerChunk(events),
    });
  }
}
