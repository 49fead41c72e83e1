import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics, type AlertNotification, type RiskAlert } from '@hyperdex/contracts';
import { EventPublisher, type InboundEvent } from '@hyperdex/messaging';
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
    const [notification] = await this.recordBatch([{ alert }]);
    return notification as AlertNotification;
  }

  /**
   * Records a batch of alerts in one statement, then releases them in one produce request, each continuing the
   * trace of the alert record that raised it. Re-sent on redelivery too: the first delivery may have been recorded
   * without being published; notifications carry the alert id, so clients collapse repeats.
   */
  async recordBatch(batch: ReadonlyArray<{ alert: RiskAlert; causedBy?: InboundEvent<typeof Topics.riskAlerts>['context'] }>): Promise<AlertNotification[]> {
    const recorded = await this.alerts.recordMany(batch.map((b) => b.alert));
    const notifications = batch.map(({ alert }) => {
      const entry = recorded.get(alert.alertId);
      if (!entry) throw new Error(`alert ${alert.alertId} vanished between insert and read`);
      const notification: AlertNotification = { alert, status: 'open', recordedAt: entry.recordedAt.getTime() };
      return notification;
    });
    await this.publisher.publishAll(
      notifications.map((payload, i) => {
        const causedBy = batch[i]?.causedBy;
        return { topic: Topics.alertNotifications, payload, ...(causedBy ? { causedBy } : {}) };
      }),
    );
    for (const { alert } of batch) this.logger.info({ alertId: alert.alertId, userId: alert.userId }, 'alert recorded and released');
    return notifications;
  }
}
