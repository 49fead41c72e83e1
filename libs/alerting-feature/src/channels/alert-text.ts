import type { AlertNotification } from '@hyperdex/contracts';

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
