import { createHash } from 'node:crypto';
import type { AlertChannel, AlertSummary, AlertSeverity } from '@hyperdex/contracts';
import type { HeldNotification, NewDelivery } from '@hyperdex/persistence';
import { deliversTo } from '../channels/channels';

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** One summary of a user's held-back changes, oldest first. */
export function summaryOf(held: readonly HeldNotification[]): AlertSummary {
  const sorted = [...held].sort((a, b) => a.heldAt - b.heldAt);
  return {
    count: sorted.length,
    reasons: [...new Set(sorted.map((h) => h.reason))],
    from: sorted[0]?.heldAt ?? 0,
    to: sorted[sorted.length - 1]?.heldAt ?? 0,
    alerts: sorted.map(({ notification: n, heldAt }) => ({
      alertId: n.alert.alertId,
      ruleId: n.alert.ruleId,
      severity: n.alert.severity,
      event: n.event ?? 'opened',
      state: n.status,
      message: n.alert.message,
      at: heldAt,
    })),
  };
}

/**
 * The summary deliveries for one user: one per channel that delivers and whose minimum severity the most severe
 * held change meets. Ids come from the held changes, so a retried release creates nothing twice.
 */
export function summaryDeliveries(held: readonly HeldNotification[], channels: readonly AlertChannel[]): NewDelivery[] {
  const last = [...held].sort((a, b) => a.heldAt - b.heldAt).at(-1);
  if (!last) return [];
  const summary = summaryOf(held);
  const worst = Math.max(...held.map((h) => RANK[h.notification.alert.severity]));
  const basis = summary.alerts.map((a) => `${a.alertId}@${a.at}:${a.event}`).join('|');
  return channels.flatMap((channel, index) => {
    if (!deliversTo(channel.kind) || worst < RANK[channel.minSeverity]) return [];
    const digest = createHash('sha256').update(`summary\u0000${basis}\u0000${index}\u0000${channel.kind}`).digest('hex');
    return [{ deliveryId: `dlv_${digest.slice(0, 32)}`, channel, notification: last.notification, summary }];
  });
}
