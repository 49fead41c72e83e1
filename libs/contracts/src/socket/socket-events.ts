import type { AlertNotification } from '../events/alert-notification.event';
import type { ExposureUpdate } from '../events/exposure-update.event';
import type { RiskMetrics } from '../events/risk-metrics.event';

/** Events the gateway pushes to a dashboard socket. Each socket sees only its own user's room. */
export interface ServerToClientEvents {
  exposure: (update: ExposureUpdate) => void;
  alert: (notification: AlertNotification) => void;
  /** Every later change of an alert already sent as `alert` (escalated, re-notified, acknowledged, resolved). */
  'alert-updated': (notification: AlertNotification) => void;
  'risk-metrics': (metrics: RiskMetrics) => void;
}

/** Dashboards only listen for now; the map exists so the client type stays exact. */
export type ClientToServerEvents = Record<string, never>;

/** `io(url, { auth: { token } })`: an HS256 JWT whose `sub` is the user id. */
export interface SocketAuth {
  token: string;
}

export const SocketEvents = { exposure: 'exposure', alert: 'alert', alertUpdated: 'alert-updated', riskMetrics: 'risk-metrics' } as const;

/** Socket.IO room that receives one user's events. */
export const userRoom = (userId: string): string => `user:${userId}`;
