import { createHash } from 'node:crypto';
import type { AlertChannel, AlertNotification, AlertSeverity } from '@hyperdex/contracts';
import type { NewDelivery } from '@hyperdex/persistence';
import { deliversTo } from '../channels/channels';

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** Changes channels hear about; `updated` (figures only) reaches dashboards alone. */
const DELIVERED_EVENTS = new Set(['opened', 'escalated', 'renotified', 'acknowledged', 'resolved']);

/** Names one alert change, whatever channel it goes to. */
export const notificationKeyOf = (n: AlertNotification): string => `${n.alert.alertId}|v${n.version ?? 1}|${n.event ?? 'opened'}`;

/**
 * The idempotency id of one alert change on one channel: the same for a redelivered notification, so the delivery
 * is created once and a receiver sees one id however often it is attempted.
 */
export function deliveryIdOf(n: AlertNotification, channel: AlertChannel, index: number): string {
  const digest = createHash('sha256').update(`${notificationKeyOf(n)}\u0000${index}\u0000${channel.kind}`).digest('hex');
  return `dlv_${digest.slice(0, 32)}`;
}

/**
 * The deliveries one notification calls for: each channel that delivers and whose minimum severity the alert meets.
 * `ingestedAt` (when the change's input entered the pipeline) travels with them for the delivery latency.
 */
export function deliveriesFor(n: AlertNotification, channels: readonly AlertChannel[], ingestedAt?: number): NewDelivery[] {
  if (!DELIVERED_EVENTS.has(n.event ?? 'opened')) return [];
  return channels.flatMap((channel, index) =>
    deliversTo(channel.kind) && RANK[n.alert.severity] >= RANK[channel.minSeverity]
      ? [{ deliveryId: deliveryIdOf(n, channel, index), channel, notification: n, ...(ingestedAt === undefined ? {} : { ingestedAt }) }]
      : [],
  );
}
