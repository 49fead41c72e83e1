import type { AlertChannel, AlertChannelKind, AlertNotification, AlertSummary } from '@hyperdex/contracts';

/** What a channel is asked to deliver: one change of one alert, under its idempotency id. */
export interface ChannelMessage {
  /** The same on every attempt, so a receiver can drop repeats. */
  readonly deliveryId: string;
  /** `alert.opened`, `alert.escalated`, `alert.renotified`, `alert.acknowledged` or `alert.resolved`. */
  readonly type: string;
  /** For `alert.summary`: the latest change held back. */
  readonly notification: AlertNotification;
  /** What volume control held back, for `alert.summary`. */
  readonly summary?: AlertSummary;
}

/** Settings shared by every channel of the service (from its config). */
export interface ChannelContext {
  readonly timeoutMs: number;
  /** Epoch ms; webhook signatures carry it. */
  readonly now: () => number;
  readonly email: { send(message: { to: string; subject: string; text: string }): Promise<void> } | null;
  readonly telegramApiUrl: string;
}

/** How one attempt went. A failure is retried under the same delivery id. */
export type SendResult = { readonly ok: true; readonly statusCode: number | null } | { readonly ok: false; readonly statusCode: number | null; readonly error: string };

/**
 * One delivery channel: a new channel is one file implementing this and one line in `channels.ts` (its settings
 * schema lives beside the others in contracts, `api/alert-channels/`).
 */
export interface AlertChannelSender<K extends AlertChannelKind = AlertChannelKind> {
  readonly kind: K;
  send(channel: Extract<AlertChannel, { kind: K }>, message: ChannelMessage, context: ChannelContext): Promise<SendResult>;
}
