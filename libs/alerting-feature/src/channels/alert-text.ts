import type { AlertNotification, AlertSummary } from '@hyperdex/contracts';
import type { ChannelMessage } from './alert-channel';

/** One line naming the change, for subjects and chat titles: `[CRITICAL] max-exposure opened for ann`. */
export function alertTitle(n: AlertNotification): string {
  return `[${n.alert.severity.toUpperCase()}] ${n.alert.ruleId} ${n.event ?? 'opened'} for ${n.alert.userId}`;
}

/** The body every human-facing channel shows. */
export function alertText(n: AlertNotification): string {
  const lines = [
    n.alert.message,
    `Rule: ${n.alert.ruleId} (${n.alert.kind}), level ${n.alert.level ?? 'breach'}, observed ${n.alert.observedValue}, limit ${n.alert.threshold}`,
    `State: ${n.status}${n.actor ? ` (by ${n.actor})` : ''}${n.alert.tradingState ? `, trading ${n.alert.tradingState}` : ''}`,
    `Alert: ${n.alert.alertId}, raised ${new Date(n.alert.triggeredAt).toISOString()}`,
  ];
  return lines.join('\n');
}

function summaryTitle(s: AlertSummary, userId: string): string {
  return `[SUMMARY] ${s.count} alert change${s.count === 1 ? '' : 's'} held back for ${userId}`;
}

function summaryText(s: AlertSummary): string {
  const why = s.reasons.map((r) => (r === 'muted' ? 'a mute window' : 'the hourly limit')).join(' and ');
  return [
    `Held back by ${why} between ${new Date(s.from).toISOString()} and ${new Date(s.to).toISOString()}:`,
    ...s.alerts.map((a) => `- [${a.severity.toUpperCase()}] ${a.ruleId} ${a.event} (${a.state}): ${a.message}`),
  ].join('\n');
}

/** The title of what a channel sends: the change, or the summary of held changes. */
export const messageTitle = (m: ChannelMessage): string => (m.summary ? summaryTitle(m.summary, m.notification.alert.userId) : alertTitle(m.notification));

/** The body of what a channel sends. */
export const messageText = (m: ChannelMessage): string => (m.summary ? summaryText(m.summary) : alertText(m.notification));
