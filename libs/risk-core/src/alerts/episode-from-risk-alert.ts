import type { RiskAlert } from '@hyperdex/contracts';
import { RULE_ACTOR, type AlertEpisode, type EpisodeChange } from './alert-episode';

/** The level change a risk alert reports; producers before `change` existed sent warnings and breaches only. */
const changeOf = (a: RiskAlert): NonNullable<RiskAlert['change']> => a.change ?? (a.level === 'warning' ? 'warning' : 'breach');
const levelOf = (a: RiskAlert): NonNullable<RiskAlert['level']> => a.level ?? (a.change === 'cleared' ? 'ok' : 'breach');

/** The episode's figures from a newer risk alert of the same (user, rule); the episode keeps its own id. */
const withFigures = (episode: AlertEpisode, a: RiskAlert): RiskAlert => ({ ...a, alertId: episode.alert.alertId });

/**
 * Folds one risk alert of a (user, rule) into its live episode (null when none is live). The rule engine has already
 * applied hysteresis and cooldown, so a value hovering at a level never reaches here twice:
 * - a warning or breach with no live episode opens one;
 * - a warning that becomes a breach escalates the episode (and re-opens it when it was acknowledged);
 * - a clearance to ok resolves the episode; one that only eases a breach to a warning updates it;
 * - anything else refreshes the figures (dashboards only).
 * Answers null when the alert changes nothing (a clearance with no live episode).
 */
export function episodeFromRiskAlert(current: AlertEpisode | null, incoming: RiskAlert, now: number): EpisodeChange | null {
  const change = changeOf(incoming);
  const level = levelOf(incoming);
  if (change === 'cleared') {
    if (current === null) return null;
    if (level === 'ok') {
      return {
        event: 'resolved',
        actor: RULE_ACTOR,
        episode: { ...current, state: 'resolved', version: current.version + 1, updatedAt: now, resolvedAt: now, resolvedBy: RULE_ACTOR },
      };
    }
    return { event: 'updated', episode: { ...current, alert: withFigures(current, incoming), version: current.version + 1, updatedAt: now } };
  }
  if (current === null) {
    return {
      event: 'opened',
      episode: {
        alert: { ...incoming, level },
        state: 'open',
        version: 1,
        openedAt: now,
        updatedAt: now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        lastNotifiedAt: now,
        notifications: 1,
      },
    };
  }
  const base = { ...current, alert: { ...withFigures(current, incoming), level }, version: current.version + 1, updatedAt: now };
  if (level === 'breach' && current.alert.level !== 'breach') {
    return {
      event: 'escalated',
      episode: { ...base, state: 'open', acknowledgedAt: null, acknowledgedBy: null, lastNotifiedAt: now, notifications: current.notifications + 1 },
    };
  }
  return { event: 'updated', episode: base };
}
