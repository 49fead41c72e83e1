import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter, Histogram } from 'prom-client';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { AlertDeliveryRepository, type StoredDelivery } from '@hyperdex/persistence';
import type { ChannelContext } from '../channels/alert-channel';
import { sendTo } from '../channels/channels';
import { ALERTING_CLOCK, type Clock } from '../alert-lifecycle.service';
import type { AlertingConfig } from '../alerting.config';
import { retryDelayMs } from './delivery-backoff';

export const DELIVERY_CONFIG = Symbol('DELIVERY_CONFIG');
export const CHANNEL_CONTEXT = Symbol('CHANNEL_CONTEXT');

export type DeliveryConfig = Pick<
  AlertingConfig,
  'ALERT_DELIVERY_MAX_ATTEMPTS' | 'ALERT_DELIVERY_BACKOFF_MS' | 'ALERT_DELIVERY_MAX_BACKOFF_MS' | 'ALERT_DELIVERY_TIMEOUT_MS' | 'ALERT_DELIVERY_POLL_MS' | 'ALERT_DELIVERY_CONCURRENCY'
>;
export type DeliveryStore = Pick<AlertDeliveryRepository, 'claimDue' | 'recordAttempt'>;

/**
 * Sends due deliveries, off the consumer's path: a slow or dead receiver holds up only its own delivery. Each attempt
 * is recorded with its outcome; a failure is retried under the same delivery id after an exponential backoff with
 * jitter, and after the last attempt the delivery is dead. Several instances share the work through the claim lease.
 */
@Injectable()
export class DeliveryWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly delivered: Counter<'channel' | 'outcome'>;
  private readonly latency: Histogram<'channel'>;

  constructor(
    @Inject(AlertDeliveryRepository) private readonly deliveries: DeliveryStore,
    @Inject(DELIVERY_CONFIG) private readonly config: DeliveryConfig,
    @Inject(CHANNEL_CONTEXT) private readonly context: ChannelContext,
    @Inject(ALERTING_CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.delivered = metrics.counter('hyperdex_alerts_delivered_total', 'Delivery attempts by channel and outcome (delivered, failed, dead)', ['channel', 'outcome']);
    this.latency = metrics.histogram(
      'hyperdex_alert_delivery_seconds',
      "From the ingestion of the input behind the alert change (the trade or price; else the change's own record) to its delivery on a channel",
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      ['channel'],
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.ALERT_DELIVERY_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass now (new deliveries go out without waiting for the poll); a pass in progress runs once more after. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'delivery pass failed; the next pass retries'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends every due delivery, a claim of up to the concurrency at a time; answers once none is due. */
  async drain(): Promise<void> {
    for (;;) {
      const lease = this.config.ALERT_DELIVERY_TIMEOUT_MS * 3;
      const due = await this.deliveries.claimDue(this.clock(), this.config.ALERT_DELIVERY_CONCURRENCY, lease);
      if (due.length === 0) return;
      await Promise.all(due.map((d) => this.attempt(d)));
    }
  }

  private async attempt(d: StoredDelivery): Promise<void> {
    const type = d.summary ? 'alert.summary' : `alert.${d.notification.event ?? 'opened'}`;
    const startedAt = this.clock();
    const started = process.hrtime.bigint();
    const result = await sendTo(d.channel, { deliveryId: d.deliveryId, type, notification: d.notification, ...(d.summary ? { summary: d.summary } : {}) }, this.context);
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const retryAt = startedAt + durationMs + retryDelayMs(d.attempts + 1, this.config.ALERT_DELIVERY_BACKOFF_MS, this.config.ALERT_DELIVERY_MAX_BACKOFF_MS);
    const stored = await this.deliveries.recordAttempt(
      d.deliveryId,
      { startedAt, durationMs, outcome: result.ok ? 'delivered' : 'failed', statusCode: result.statusCode, error: result.ok ? null : result.error },
      retryAt,
    );
    const channel = d.channel.kind;
    if (result.ok) {
      this.delivered.inc({ channel, outcome: 'delivered' });
      // A summary was held back on purpose: its wait is not delivery latency.
      // Without a known input (a delivery older than the column), the risk service's evaluation is the nearest start.
      if (!d.summary) this.latency.observe({ channel }, Math.max(0, startedAt + durationMs - (d.ingestedAt ?? d.notification.alert.triggeredAt)) / 1000);
      return;
    }
    this.delivered.inc({ channel, outcome: stored.status === 'dead' ? 'dead' : 'failed' });
    const log = { deliveryId: d.deliveryId, channel, attempt: stored.attempts, error: result.error };
    if (stored.status === 'dead') this.logger.warn(log, 'delivery dead-lettered after its last attempt');
    else this.logger.info({ ...log, retryAt: stored.nextAttemptAt }, 'delivery attempt failed; retrying');
  }
}
