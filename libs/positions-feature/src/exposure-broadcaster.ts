import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter, Histogram } from 'prom-client';
import { Topics, causesOf, type ExposureUpdate } from '@hyperdex/contracts';
import { EventPublisher, type MessageContext } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ExposureCache } from '@hyperdex/persistence';

/** Why updates were published: ledger events of a chunk, or price moves (and newly learned tokens) revaluing holders. */
export type UpdateReason = 'ledger' | 'price';

export interface OutgoingExposure {
  readonly update: ExposureUpdate;
  /** The consumed record whose trace the update continues (a user's last event of the chunk). */
  readonly causedBy?: MessageContext;
}

/** What the broadcaster needs of the publisher and the cache: their public surface, so a spec can hand in its own. */
export type ExposureEventSink = Pick<EventPublisher, 'publishAll'>;
export type ExposureSnapshotStore = Pick<ExposureCache, 'putMany'>;

/**
 * Sends a batch of exposure updates: all snapshots cached in Redis in one call, then all updates in one produce
 * request, and counts them.
 */
@Injectable()
export class ExposureBroadcaster {
  private readonly cacheFailures: Counter;
  private readonly published: Counter<'reason'>;
  private readonly causesPerUpdate: Histogram<'reason'>;

  constructor(
    @Inject(EventPublisher) private readonly publisher: ExposureEventSink,
    @Inject(ExposureCache) private readonly cache: ExposureSnapshotStore,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.cacheFailures = metrics.counter('hyperdex_exposure_cache_failures_total', 'Exposure snapshots that could not be cached in Redis');
    this.published = metrics.counter('hyperdex_exposure_updates_published_total', 'Exposure updates published, by reason (ledger, price)', ['reason']);
    this.causesPerUpdate = metrics.histogram(
      'hyperdex_exposure_update_causes',
      'Events (ledger events and price moves) one exposure update covers: how much coalescing happens, by reason',
      [1, 2, 3, 5, 10, 20, 50, 100, 500, 1_000, 10_000],
      ['reason'],
    );
  }

  /** Resolves once the broker has every update; rejects (nothing counted as published) when it could not take them. */
  async broadcast(outgoing: readonly OutgoingExposure[], reason: UpdateReason): Promise<void> {
    if (outgoing.length === 0) return;
    try {
      await this.cache.putMany(outgoing.map((o) => o.update));
    } catch (error) {
      // The snapshot cache only serves REST reads and the next update rewrites it: a Redis outage must not
      // hold back the event stream that risk and the dashboards depend on.
      this.cacheFailures.inc(outgoing.length);
      this.logger.warn({ err: error, updates: outgoing.length }, 'could not cache the exposure snapshots');
    }
    await this.publisher.publishAll(outgoing.map((o) => ({ topic: Topics.positions, payload: o.update, causedBy: o.causedBy })));
    this.published.inc({ reason }, outgoing.length);
    for (const { update } of outgoing) this.causesPerUpdate.observe({ reason }, causesOf(update).length);
  }
}
