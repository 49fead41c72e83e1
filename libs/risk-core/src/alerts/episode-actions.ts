import type { AlertEpisode, EpisodeChange } from './alert-episode';

/** Why a user's action on an alert cannot be applied. */
export class AlertActionError extends Error {
  constructor(
    readonly code: 'ALERT_RESOLVED',
    message: string,
  ) {
    super(message);
    this.name = 'AlertActionError';
  }
}

/**
 * Someone has seen the alert: channels stop re-notifying it. Acknowledging it again changes nothing (null); a
 * resolved alert cannot be acknowledged.
 */
export function acknowledgeEpisode(current: AlertEpisode, actor: string, now: number): EpisodeChange | null {
  if (current.state === 'resolved') throw new AlertActionError('ALERT_RESOLVED', `alert ${current.alert.alertId} is already resolved`);
  if (current.state === 'acknowledged') return null;
  return {
    event: 'acknowledged',
    actor,
    episode: { ...current, state: 'acknowledged', version: current.version + 1, updatedAt: now, acknowledgedAt: now, acknowledgedBy: actor },
  };
}

/** Someone closes the alert before its condition cleared. Resolving it again changes nothing (null). */
export function resolveEpisode(current: AlertEpisode, actor: string, now: number): EpisodeChange | null {
  if (current.state === 'resolved') return null;
  return { event: 'resolved', actor, episode: { ...current, state: 'resolved', version: current.version + 1, updatedAt: now, resolvedAt: now, resolvedBy: actor } };
}

/** An open (unacknowledged) alert whose last notification is `intervalMs` old is sent again. */
export function renotifyEpisode(current: AlertEpisode, now: number, intervalMs: number): EpisodeChange | null {
  if (current.state !== 'open' || now - current.lastNotifiedAt < intervalMs) return null;
  return {
    event: 'renotified',
    episode: { ...current, version: current.version + 1, updatedAt: now, lastNotifiedAt: now, notifications: current.notifications + 1 },
  };
}
