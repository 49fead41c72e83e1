import type { AlertChannel, AlertNotification } from '@hyperdex/contracts';
import { deliveriesFor, deliveryIdOf } from './deliveries-for';

const note = (severity: AlertNotification['alert']['severity'], event: AlertNotification['event'], version = 1): AlertNotification => ({
  alert: { alertId: 'var-99:ann:1', ruleId: 'var-99', kind: 'VarLimit', userId: 'ann', severity, observedValue: '2', threshold: '1', message: 'm', triggeredAt: 1_764_000_000_000, sourceEventId: 'e' },
  status: 'open',
  recordedAt: 1_764_000_000_000,
  event,
  version,
});
const channels: AlertChannel[] = [
  { kind: 'dashboard', minSeverity: 'info' },
  { kind: 'webhook', url: 'http://127.0.0.1:1/h', secret: '0123456789abcdef', minSeverity: 'info' },
  { kind: 'email', to: 'desk@example.com', minSeverity: 'critical' },
];

describe('deliveries for a notification', () => {
  it('go to each channel that delivers and whose minimum severity the alert meets', () => {
    expect(deliveriesFor(note('warning', 'opened'), channels).map((d) => d.channel.kind)).toEqual(['webhook']);
    expect(deliveriesFor(note('critical', 'escalated', 2), channels).map((d) => d.channel.kind)).toEqual(['webhook', 'email']);
  });

  it('skip changes that only refresh figures', () => {
    expect(deliveriesFor(note('critical', 'updated'), channels)).toEqual([]);
  });

  it('carry an id that is the same for a redelivered notification and differs per change and channel', () => {
    const a = deliveryIdOf(note('critical', 'opened'), channels[1] as AlertChannel, 1);
    expect(deliveryIdOf(note('critical', 'opened'), channels[1] as AlertChannel, 1)).toBe(a);
    expect(deliveryIdOf(note('critical', 'renotified', 2), channels[1] as AlertChannel, 1)).not.toBe(a);
    expect(deliveryIdOf(note('critical', 'opened'), channels[2] as AlertChannel, 2)).not.toBe(a);
    expect(a).toMatch(/^dlv_[0-9a-f]{32}$/);
  });
});
