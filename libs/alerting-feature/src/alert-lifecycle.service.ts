import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics, type AlertNotification, type RiskAlert } from '@hyperdex/contracts';
import { EventPublisher, type InboundEvent } from '@hyperdex/messaging';
import { LOGGER } from '@hyperdex/observability';
import { AlertEpisodeRepository } from '@hyperdex/persistence';
import { episodeFromRiskAlert } from '@hyperdex/risk-core';

export const ALERTING_CLOCK = Symbol('ALERTING_CLOCK');
/** Epoch ms; injected so specs pin time. */
export type Clock = () => number;

/** The publisher and repository surfaces the service uses (a spec may hand in recorders). */
export type NotificationPublisher = Pick<EventPublisher, 'publishAll'>;
export type RiskAlertStore = Pick<AlertEpisodeRepository, 'applyRiskAlerts'>;

type RiskAlertEvent = { payload: RiskAlert; context?: InboundEvent<typeof Topics.riskAlerts>['context'] };

/**
 * Keeps one alert per (user, rule) episode from the risk alerts: a chunk is folded into the episodes and made durable
 * in one transaction, then its notifications go out in one produce request, each continuing the trace of the risk
 * alert behind it, and only then is the chunk acknowledged. Delivery to channels happens downstream of the
 * notifications topic, never on this path.
 */
@Injectable()
export class AlertLifecycleService {
  constructor(
    @Inject(AlertEpisodeRepository) private readonly episodes: RiskAlertStore,
    @Inject(EventPublisher) private readonly publisher: NotificationPublisher,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async applyBatch(batch: readonly RiskAlertEvent[]): Promise<AlertNotification[]> {
    const now = this.clock();
    const notifications = await this.episodes.applyRiskAlerts(
      batch.map((e) => e.payload),
      (current, incoming) => episodeFromRiskAlert(current, incoming, now),
    );
    const causeOf = new Map(batch.flatMap((e) => (e.context ? [[e.payload.alertId, e.context] as const] : [])));
    await this.publisher.publishAll(
      notifications.map(({ riskAlertId, notification }) => {
        const causedBy = causeOf.get(riskAlertId);
        return { topic: Topics.alertNotifications, payload: notification, ...(causedBy ? { causedBy } : {}) };
      }),
    );
    for (const { notification: n } of notifications) {
      this.logger.info({ alertId: n.alert.alertId, userId: n.alert.userId, event: n.event, state: n.status, version: n.version }, 'alert changed');
    }
    return notifications.map((n) => n.notification);
  }
}
