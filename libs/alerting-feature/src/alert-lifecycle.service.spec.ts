import { ROOT_CONTEXT } from '@opentelemetry/api';
import pino from 'pino';
import { Topics, type AlertNotification, type RiskAlert } from '@hyperdex/contracts';
import type { OutboundEvent } from '@hyperdex/messaging';
import type { EpisodeFold } from '@hyperdex/persistence';
import type { AlertEpisode } from '@hyperdex/risk-core';
import { AlertLifecycleService, type NotificationPublisher, type RiskAlertStore } from './alert-lifecycle.service';

const T0 = Date.UTC(2026, 5, 1, 12);

/** Keeps live episodes per (user, rule) in a map and folds with the service's function, as the repository does in SQL. */
class FoldingStore implements RiskAlertStore {
  readonly live = new Map<string, AlertEpisode>();
  readonly log: string[] = [];
  async applyRiskAlerts(alerts: readonly RiskAlert[], fold: EpisodeFold) {
    this.log.push('store');
    return alerts.flatMap((a) => {
      const key = `${a.userId}/${a.ruleId}`;
      const change = fold(this.live.get(key) ?? null, a);
      if (!change) return [];
      if (change.episode.state === 'resolved') this.live.delete(key);
      else this.live.set(key, change.episode);
      const notification: AlertNotification = { alert: change.episode.alert, status: change.episode.state, recordedAt: change.episode.openedAt, event: change.event, version: change.episode.version };
      return [{ riskAlertId: a.alertId, notification }];
    });
  }
}

class RecordingPublisher implements NotificationPublisher {
  readonly sent: OutboundEvent[][] = [];
  fail = false;
  constructor(private readonly log: string[]) {}
  async publishAll(events: readonly OutboundEvent[]): Promise<void> {
    this.log.push('publish');
    if (this.fail) throw new Error('broker unavailable');
    this.sent.push([...events]);
  }
}

const alert = (seq: number, change: RiskAlert['change'], level: RiskAlert['level']): RiskAlert => ({
  alertId: `max-exposure:ann:${seq}`,
  ruleId: 'max-exposure',
  kind: 'MaxExposure',
  userId: 'ann',
  severity: level === 'ok' ? 'info' : 'critical',
  level,
  change,
  observedValue: '1',
  threshold: '1',
  message: 'm',
  triggeredAt: T0,
  sourceEventId: `e${seq}`,
});
const context = (offset: number) => ({ topic: Topics.riskAlerts, partition: 0, offset: String(offset), key: 'ann', timestamp: T0, trace: ROOT_CONTEXT });

function service() {
  const store = new FoldingStore();
  const publisher = new RecordingPublisher(store.log);
  return { store, publisher, lifecycle: new AlertLifecycleService(store, publisher, () => T0, pino({ level: 'silent' })) };
}

describe('AlertLifecycleService', () => {
  it('stores a chunk, then releases its notifications in one send, each caused by its risk alert', async () => {
    const { store, publisher, lifecycle } = service();
    const out = await lifecycle.applyBatch([
      { payload: alert(1, 'warning', 'warning'), context: context(7) },
      { payload: alert(2, 'escalated', 'breach'), context: context(8) },
    ]);
    expect(store.log).toEqual(['store', 'publish']);
    expect(out.map((n) => [n.alert.alertId, n.event, n.version])).toEqual([
      ['max-exposure:ann:1', 'opened', 1],
      ['max-exposure:ann:1', 'escalated', 2],
    ]);
    expect(publisher.sent).toHaveLength(1);
    expect(publisher.sent[0]?.map((e) => [e.topic, e.causedBy?.offset])).toEqual([
      ['hyperdex.alert-notifications.v1', '7'],
      ['hyperdex.alert-notifications.v1', '8'],
    ]);
  });

  it('fails the chunk when the publish fails, so it is redelivered rather than acknowledged', async () => {
    const { publisher, lifecycle } = service();
    publisher.fail = true;
    await expect(lifecycle.applyBatch([{ payload: alert(1, 'breach', 'breach') }])).rejects.toThrow('broker unavailable');
  });

  it('resolves the episode on a clearance and sends nothing for a clearance of nothing', async () => {
    const { publisher, lifecycle, store } = service();
    await lifecycle.applyBatch([{ payload: alert(1, 'breach', 'breach') }, { payload: alert(2, 'cleared', 'ok') }]);
    expect(publisher.sent.flat().map((e) => (e.payload as AlertNotification).event)).toEqual(['opened', 'resolved']);
    expect(store.live.size).toBe(0);
    expect(await lifecycle.applyBatch([{ payload: alert(3, 'cleared', 'ok') }])).toEqual([]);
  });
});
