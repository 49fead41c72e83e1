import type { AlertChannelView } from './alert-channels/alert-channels';

/** One delivery of an alert change to a channel, as the API answers it (credentials left out). */
export interface AlertDeliveryView {
  deliveryId: string;
  alertId: string;
  /** `alert.opened`, `alert.escalated`, `alert.renotified`, `alert.acknowledged` or `alert.resolved`. */
  type: string;
  channel: AlertChannelView;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number | null;
  createdAt: number;
  deliveredAt: number | null;
  lastError: string | null;
  /** Every attempt, oldest first (on the single-delivery read). */
  attemptLog?: Array<{ attempt: number; startedAt: number; durationMs: number; outcome: 'delivered' | 'failed'; statusCode: number | null; error: string | null }>;
}

/** `GET /v1/users/:userId/alert-deliveries?status=dead` answers the newest first. */
export interface AlertDeliveriesResponse {
  items: AlertDeliveryView[];
}

/**
 * The one message a channel gets for the alert changes volume control held back (past the hourly cap, or during a
 * mute window), sent when the hour or the window ends. Webhooks receive it as `{"id","type":"alert.summary","summary"}`.
 */
export interface AlertSummary {
  count: number;
  reasons: Array<'muted' | 'hourly-cap'>;
  /** Epoch ms of the first and last change held back. */
  from: number;
  to: number;
  alerts: Array<{ alertId: string; ruleId: string; severity: 'info' | 'warning' | 'critical'; event: string; state: string; message: string; at: number }>;
}
