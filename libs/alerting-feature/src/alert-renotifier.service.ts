import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER } from '@hyperdex/observability';
import { AlertEpisodeRepository } from '@hyperdex/persistence';
import { notificationOf, renotifyEpisode } from '@hyperdex/risk-core';
import type { AlertingConfig } from './alerting.config';
import { ALERTING_CLOCK, type Clock, type NotificationPublisher } from './alert-lifecycle.service';

export const ALERTING_CONFIG = Symbol('ALERTING_CONFIG');

export type RenotifyStore = Pick<AlertEpisodeRepository, 'renotifyDue'>;

const PER_SCAN = 500;

/**
 * Sends an open alert again once its last notification is ALERT_RENOTIFY_INTERVAL_MS old, until someone acknowledges
 * it or it resolves. Each scan claims due rows with SKIP LOCKED, so instances never re-notify the same alert twice.
 * A scan whose publish fails has already moved the alerts' clocks: they are re-notified one interval later.
 */
@Injectable()
export class AlertRenotifierService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(AlertEpisodeRepository) private readonly episodes: RenotifyStore,
    @Inject(EventPublisher) private readonly publisher: NotificationPublisher,
    @Inject(ALERTING_CONFIG) private readonly config: Pick<AlertingConfig, 'ALERT_RENOTIFY_INTERVAL_MS' | 'ALERT_RENOTIFY_SCAN_MS'>,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.scan()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 're-notification scan failed; the next scan retries');
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, this.config.ALERT_RENOTIFY_SCAN_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One scan: every due alert (up to a page) re-notified; answers how many. */
  async scan(): Promise<number> {
    const now = this.clock();
    const interval = this.config.ALERT_RENOTIFY_INTERVAL_MS;
    const changes = await this.episodes.renotifyDue(now, interval, PER_SCAN, (e) => renotifyEpisode(e, now, interval));
    if (changes.length === 0) return 0;
    await this.publisher.publishAll(changes.map((c) => ({ topic: Topics.alertNotifications, payload: notificationOf(c) })));
    this.logger.info({ alertIds: changes.map((c) => c.episode.alert.alertId) }, 'open alerts re-notified');
    return changes.length;
  }
}
