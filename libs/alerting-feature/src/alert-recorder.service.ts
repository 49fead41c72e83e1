import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics, type AlertNotification, type RiskAlert } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER } from '@hyperdex/observability';
import { AlertRepository } from '@hyperdex/persistence';

/** Records each alert once, then releases it for delivery to the user's dashboards. */
@Injectable()
export class AlertRecorderService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(alert: RiskAlert): Promise<AlertNotification> {
    const recordedAt = (await this.alerts.recordIfNew(alert)) ?? (await this.alerts.findRecordedAt(alert.alertId));
    if (!recordedAt) throw new Error(`alert ${alert.alertId} vanished between insert and read`);
    const notification: AlertNotification = { alert, status: 'open', recordedAt: recordedAt.getTime() };
    // Re-sent on redelivery too: the first delivery may have been recorded without being published.
    // Notifications carry the alert id, so clients collapse repeats.
    await this.publisher.publish(Topics.alertNotifications, [notification]);
    this.logger.info({ alertId: alert.alertId, userId: alert.userId }, 'alert recorded and released');
    return notification;
  }
}
