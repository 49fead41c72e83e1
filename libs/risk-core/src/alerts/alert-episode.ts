import type { AlertEventType, AlertNotification, AlertState, AlertView, RiskAlert } from '@hyperdex/contracts';

/**
 * One alert as a desk sees it: a (user, rule) episode from the first warning or breach until the condition clears
 * or someone resolves it. `alert` holds its latest figures; its `alertId` is the id of the risk alert that opened it.
 * Times are epoch milliseconds.
 */
export interface AlertEpisode {
  readonly alert: RiskAlert;
  readonly state: AlertState;
  /** Grows by one with every change, so clients keep the highest version they saw. */
  readonly version: number;
  readonly openedAt: number;
  readonly updatedAt: number;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  readonly lastNotifiedAt: number;
  /** How many times channels were told about the episode (opened, escalated, re-notified). */
  readonly notifications: number;
}

/** A change of an episode and what to tell the user about it. */
export interface EpisodeChange {
  readonly episode: AlertEpisode;
  readonly event: AlertEventType;
  readonly actor?: string;
}

/** Who resolves an episode whose condition cleared. */
export const RULE_ACTOR = 'rule';

/** The notification for a change, as released on the alert-notifications topic. */
export function notificationOf(change: EpisodeChange): AlertNotification {
  const { episode, event, actor } = change;
  return {
    alert: episode.alert,
    status: episode.state,
    recordedAt: episode.openedAt,
    event,
    version: episode.version,
    updatedAt: episode.updatedAt,
    ...(actor ? { actor } : {}),
  };
}

/** The episode as the REST API answers it. */
export function alertViewOf(episode: AlertEpisode): AlertView {
  return {
    ...episode.alert,
    state: episode.state,
    version: episode.version,
    openedAt: episode.openedAt,
    updatedAt: episode.updatedAt,
    acknowledgedAt: episode.acknowledgedAt,
    acknowledgedBy: episode.acknowledgedBy,
    resolvedAt: episode.resolvedAt,
    resolvedBy: episode.resolvedBy,
    notifications: episode.notifications,
  };
}
