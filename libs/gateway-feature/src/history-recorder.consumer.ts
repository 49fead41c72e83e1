import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory } from '@hyperdex/messaging';
import { ExposureHistoryRepository, RiskMetricsLatestRepository } from '@hyperdex/persistence';

/** Consumer groups shared by every gateway instance: each record is stored once, whichever instance reads it. */
export const HISTORY_GROUPS = { exposure: 'gateway-history-exposure', riskMetrics: 'gateway-history-risk-metrics' } as const;

/**
 * Stores what the REST reads need beyond the exposure cache: every exposure snapshot (the history series) and each
 * user's latest risk metrics. Unlike the live relay these groups commit, so a restart neither loses nor repeats
 * history (a redelivered batch is absorbed: both writes are idempotent).
 */
@Injectable()
export class HistoryRecorderConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly history: ExposureHistoryRepository,
    private readonly latestMetrics: RiskMetricsLatestRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.positions,
      groupId: HISTORY_GROUPS.exposure,
      fromBeginning: true,
      handleBatch: (events) => this.history.recordMany(events.map((e) => e.payload)),
    });
    await this.subscribers.subscribe({
      topic: Topics.riskMetrics,
      groupId: HISTORY_GROUPS.riskMetrics,
      fromBeginning: true,
      handleBatch: (events) => this.latestMetrics.putMany(events.map((e) => e.payload)),
    });
  }
}
