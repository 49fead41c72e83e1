import pino from 'pino';
import type { AlertNotification } from '@hyperdex/contracts';
import type { OutboundEvent } from '@hyperdex/messaging';
import { episodeFromRiskAlert, type AlertEpisode, type EpisodeChange } from '@hyperdex/risk-core';
import { AlertRenotifierService, type RenotifyStore } from './alert-renotifier.service';

const T0 = Date.UTC(2026, 5, 1, 12);
const INTERVAL = 60_000;

const opened = episodeFromRiskAlert(
  null,
  { alertId: 'var-99:ann:1', ruleId: 'var-99', kind: 'VarLimit', userId: 'ann', severity: 'warning', observedValue: '2', threshold: '1', message: 'm', triggeredAt: T0, sourceEventId: 'e' },
  T0,
)?.episode as AlertEpisode;

/** Hands `apply` the episodes whose notification is due, as the repository's query does, and keeps the result. */
class EpisodeList implements RenotifyStore {
  constructor(public episodes: AlertEpisode[]) {}
  async renotifyDue(now: number, intervalMs: number, limit: number, apply: (e: AlertEpisode) => EpisodeChange | null): Promise<EpisodeChange[]> {
    const due = this.episodes.filter((e) => e.state === 'open' && e.lastNotifiedAt <= now - intervalMs).slice(0, limit);
    const changes = due.flatMap((e) => {
      const c = apply(e);
      return c ? [c] : [];
    });
    this.episodes = this.episodes.map((e) => changes.find((c) => c.episode.alert.alertId === e.alert.alertId)?.episode ?? e);
    return changes;
  }
}

describe('AlertRenotifierService', () => {
  let now = T0;
  const sent: OutboundEvent[] = [];
  const store = new EpisodeList([opened]);
  const renotifier = new AlertRenotifierService(
    store,
    { publishAll: async (events) => void sent.push(...events) },
    { ALERT_RENOTIFY_INTERVAL_MS: INTERVAL, ALERT_RENOTIFY_SCAN_MS: 1000 },
    () => now,
    pino({ level: 'silent' }),
  );

  it('sends nothing before the interval has passed', async () => {
    now = T0 + INTERVAL - 1;
    expect(await renotifier.scan()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('re-notifies a persisting open alert once per interval', async () => {
    now = T0 + INTERVAL;
    expect(await renotifier.scan()).toBe(1);
    expect(await renotifier.scan()).toBe(0);
    now = T0 + 2 * INTERVAL;
    expect(await renotifier.scan()).toBe(1);
    expect(sent.map((e) => [(e.payload as AlertNotification).event, (e.payload as AlertNotification).version])).toEqual([
      ['renotified', 2],
      ['renotified', 3],
    ]);
  });
});
