import type { RiskAlert } from '@hyperdex/contracts';
import { notificationOf, type AlertEpisode } from './alert-episode';
import { AlertActionError, acknowledgeEpisode, renotifyEpisode, resolveEpisode } from './episode-actions';
import { episodeFromRiskAlert } from './episode-from-risk-alert';

const T0 = Date.UTC(2026, 5, 1, 12);
let seq = 0;
const riskAlert = (change: RiskAlert['change'], level: RiskAlert['level'], observedValue: string): RiskAlert => ({
  alertId: `daily-loss:ann:${++seq}`,
  ruleId: 'daily-loss',
  kind: 'DailyLossLimit',
  userId: 'ann',
  severity: level === 'breach' ? 'critical' : level === 'warning' ? 'warning' : 'info',
  level,
  change,
  tradingState: level === 'breach' ? 'HALTED' : 'ACTIVE',
  observedValue,
  threshold: '1000',
  message: `loss ${observedValue}`,
  triggeredAt: T0,
  sourceEventId: `evt-${seq}`,
});

describe('an alert episode through its life', () => {
  let episode: AlertEpisode;

  it('opens on a warning, keeping the id of the risk alert that opened it', () => {
    const c = episodeFromRiskAlert(null, riskAlert('warning', 'warning', '850'), T0);
    expect(c?.event).toBe('opened');
    episode = c?.episode as AlertEpisode;
    expect(episode).toMatchObject({ state: 'open', version: 1, notifications: 1, lastNotifiedAt: T0 });
    expect(episode.alert.alertId).toBe('daily-loss:ann:1');
  });

  it('is acknowledged once; a second acknowledgement changes nothing', () => {
    const c = acknowledgeEpisode(episode, 'ann', T0 + 1000);
    expect(c).toMatchObject({ event: 'acknowledged', actor: 'ann', episode: { state: 'acknowledged', version: 2, acknowledgedBy: 'ann' } });
    episode = c?.episode as AlertEpisode;
    expect(acknowledgeEpisode(episode, 'ann', T0 + 2000)).toBeNull();
    expect(renotifyEpisode(episode, T0 + 10_000_000, 60_000)).toBeNull();
  });

  it('escalates on the breach under the same id, open again and notified', () => {
    const c = episodeFromRiskAlert(episode, riskAlert('escalated', 'breach', '1200'), T0 + 5000);
    expect(c?.event).toBe('escalated');
    episode = c?.episode as AlertEpisode;
    expect(episode).toMatchObject({ state: 'open', version: 3, notifications: 2, lastNotifiedAt: T0 + 5000, acknowledgedBy: null });
    expect(episode.alert).toMatchObject({ alertId: 'daily-loss:ann:1', severity: 'critical', level: 'breach', observedValue: '1200', sourceEventId: 'evt-2' });
  });

  it('re-notifies only once the interval since the last notification has passed', () => {
    expect(renotifyEpisode(episode, T0 + 5000 + 59_999, 60_000)).toBeNull();
    const c = renotifyEpisode(episode, T0 + 5000 + 60_000, 60_000);
    expect(c).toMatchObject({ event: 'renotified', episode: { version: 4, notifications: 3, lastNotifiedAt: T0 + 65_000 } });
    episode = c?.episode as AlertEpisode;
  });

  it('is only updated when the breach eases back to a warning', () => {
    const c = episodeFromRiskAlert(episode, riskAlert('cleared', 'warning', '900'), T0 + 70_000);
    expect(c).toMatchObject({ event: 'updated', episode: { state: 'open', version: 5, notifications: 3 } });
    episode = c?.episode as AlertEpisode;
  });

  it('resolves itself when the condition clears, and cannot be acknowledged after', () => {
    const c = episodeFromRiskAlert(episode, riskAlert('cleared', 'ok', '10'), T0 + 80_000);
    expect(c).toMatchObject({ event: 'resolved', actor: 'rule', episode: { state: 'resolved', resolvedBy: 'rule', resolvedAt: T0 + 80_000 } });
    episode = c?.episode as AlertEpisode;
    expect(() => acknowledgeEpisode(episode, 'ann', T0 + 90_000)).toThrow(AlertActionError);
    expect(resolveEpisode(episode, 'ann', T0 + 90_000)).toBeNull();
    expect(notificationOf(c as NonNullable<typeof c>)).toMatchObject({ status: 'resolved', event: 'resolved', version: 6, actor: 'rule', recordedAt: T0 });
  });

  it('ignores a clearance with no live episode', () => {
    expect(episodeFromRiskAlert(null, riskAlert('cleared', 'ok', '0'), T0)).toBeNull();
  });

  it('reads a risk alert from a producer before `change` as a breach that opens an episode', () => {
    const { change: _c, level: _l, ...old } = riskAlert('breach', 'breach', '1500');
    expect(episodeFromRiskAlert(null, old, T0)?.episode.alert.level).toBe('breach');
  });

  it('can be resolved by a person while open', () => {
    const opened = episodeFromRiskAlert(null, riskAlert('breach', 'breach', '1500'), T0)?.episode as AlertEpisode;
    expect(resolveEpisode(opened, 'admin-1', T0 + 1)).toMatchObject({ event: 'resolved', actor: 'admin-1', episode: { state: 'resolved', resolvedBy: 'admin-1' } });
  });
});
