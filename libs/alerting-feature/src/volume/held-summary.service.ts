import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@hyperdex/observability';
import { AlertChannelRepository, AlertVolumeRepository } from '@hyperdex/persistence';
import { ALERTING_CLOCK, type Clock } from '../alert-lifecycle.service';
import { ALERTING_CONFIG } from '../alert-renotifier.service';
import type { AlertingConfig } from '../alerting.config';
import { DELIVERY_CONFIG, DeliveryWorkerService, type DeliveryConfig } from '../delivery/delivery-worker.service';
import { summaryDeliveries } from './summary-deliveries';

const USERS_PER_PASS = 1000;

/**
 * Sends what volume control held back, once its hour or mute window has ended: one summary message per channel of
 * the user, so nothing held is lost. Runs on the re-notification scan interval.
 */
@Injectable()
export class HeldSummaryService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(AlertVolumeRepository) private readonly volume: Pick<AlertVolumeRepository, 'releaseDue'>,
    @Inject(AlertChannelRepository) private readonly channels: Pick<AlertChannelRepository, 'getMany'>,
    @Inject(DeliveryWorkerService) private readonly worker: Pick<DeliveryWorkerService, 'kick'>,
    @Inject(ALERTING_CONFIG) private readonly config: Pick<AlertingConfig, 'ALERT_RENOTIFY_SCAN_MS'>,
    @Inject(DELIVERY_CONFIG) private readonly delivery: Pick<DeliveryConfig, 'ALERT_DELIVERY_MAX_ATTEMPTS'>,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.release()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'summary of held alerts failed; the next scan retries'))
        .finally(() => (this.running = undefined));
    }, this.config.ALERT_RENOTIFY_SCAN_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: every user whose held changes are due gets their summary deliveries; answers how many users. */
  async release(): Promise<number> {
    const users = await this.volume.releaseDue(this.clock(), USERS_PER_PASS, this.delivery.ALERT_DELIVERY_MAX_ATTEMPTS, async (heldByUser) => {
      const settings = await this.channels.getMany([...heldByUser.keys()]);
      return [...heldByUser].flatMap(([userId, held]) => summaryDeliveries(held, settings.get(userId)?.channels ?? []));
    });
    if (users > 0) {
      this.logger.info({ users }, 'held alert changes summarised');
      this.worker.kick();
    }
    return users;
  }
}
