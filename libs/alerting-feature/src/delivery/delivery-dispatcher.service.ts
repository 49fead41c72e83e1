import { Inject, Injectable } from '@nestjs/common';
import type { AlertNotification } from '@hyperdex/contracts';
import { AlertChannelRepository, AlertDeliveryRepository, AlertVolumeRepository, type NewDelivery } from '@hyperdex/persistence';
import { ALERTING_CLOCK, type Clock } from '../alert-lifecycle.service';
import { volumePolicy } from '../volume/volume-policy';
import { deliveriesFor, notificationKeyOf } from './deliveries-for';
import { DELIVERY_CONFIG, DeliveryWorkerService, type DeliveryConfig } from './delivery-worker.service';

/** One alert change, with when the input that caused it was ingested where its record carried that. */
export interface AlertChange {
  readonly notification: AlertNotification;
  readonly ingestedAt?: number | undefined;
}

/**
 * Turns alert changes into stored deliveries to the user's channels. Volume control decides per notification that
 * calls for any delivery: sent now, or held back (hourly cap, mute window) for the summary sent when the hour or the
 * window ends. Sending is the worker's job.
 */
@Injectable()
export class DeliveryDispatcherService {
  constructor(
    @Inject(AlertChannelRepository) private readonly channels: Pick<AlertChannelRepository, 'getMany'>,
    @Inject(AlertDeliveryRepository) private readonly deliveries: Pick<AlertDeliveryRepository, 'enqueue'>,
    @Inject(AlertVolumeRepository) private readonly volume: Pick<AlertVolumeRepository, 'admit'>,
    @Inject(DeliveryWorkerService) private readonly worker: Pick<DeliveryWorkerService, 'kick'>,
    @Inject(DELIVERY_CONFIG) private readonly config: Pick<DeliveryConfig, 'ALERT_DELIVERY_MAX_ATTEMPTS'>,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
  ) {}

  /** Answers how many deliveries were created (a redelivered notification creates none). */
  async dispatch(changes: readonly AlertChange[]): Promise<number> {
    const now = this.clock();
    const byUser = await this.channels.getMany(changes.map((c) => c.notification.alert.userId));
    const deliveries: NewDelivery[] = [];
    for (const { notification: n, ingestedAt } of changes) {
      const settings = byUser.get(n.alert.userId);
      const wanted = deliveriesFor(n, settings?.channels ?? [], ingestedAt);
      if (!settings || wanted.length === 0) continue;
      const decision = await this.volume.admit(n.alert.userId, notificationKeyOf(n), n, volumePolicy(settings.volume, now), now);
      if (decision === 'send') deliveries.push(...wanted);
    }
    const created = await this.deliveries.enqueue(deliveries, this.config.ALERT_DELIVERY_MAX_ATTEMPTS, now);
    if (created > 0) this.worker.kick();
    return created;
  }
}
