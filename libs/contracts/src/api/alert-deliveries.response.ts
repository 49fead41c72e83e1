import { z } from 'zod';
import { epochMillis } from '../primitives/primitives.schema';
import { AlertChannelViewSchema } from './alert-channels/alert-channels';

const DeliveryAttemptSchema = z.strictObject({
  attempt: z.number().int().positive(),
  startedAt: epochMillis,
  durationMs: z.number().int().nonnegative(),
  outcome: z.enum(['delivered', 'failed']),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
});

/** One delivery of an alert change to a channel, as the API answers it (credentials left out). */
export const AlertDeliveryViewSchema = z.strictObject({
  deliveryId: z.string(),
  alertId: z.string(),
  /** `alert.opened`, `alert.escalated`, `alert.renotified`, `alert.acknowledged` or `alert.resolved`. */
  type: z.string(),
  channel: AlertChannelViewSchema,
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  nextAttemptAt: epochMillis.nullable(),
  createdAt: epochMillis,
  deliveredAt: epochMillis.nullable(),
  lastError: z.string().nullable(),
  /**
   * When the input behind the change (the trade or price) was ingested, where the pipeline carried it: delivery
   * latency (`hyperdex_alert_delivery_seconds`) runs from here. Null when unknown.
   */
  ingestedAt: epochMillis.nullable(),
  /** Every attempt, oldest first (on the single-delivery read). */
  attemptLog: z.array(DeliveryAttemptSchema).optional(),
});

/** `GET /v1/users/:userId/alert-deliveries?status=dead` answers the newest first. */
export const AlertDeliveriesResponseSchema = z.strictObject({ items: z.array(AlertDeliveryViewSchema) });

export const AlertDeliveriesQuerySchema = z.strictObject({
  status: z.enum(['pending', 'delivered', 'dead'], 'must be pending, delivered or dead').optional(),
  limit: z.coerce.number().int().min(1, 'must be an integer from 1 to 500').max(500, 'must be an integer from 1 to 500').default(50),
});

export type AlertDeliveryView = z.infer<typeof AlertDeliveryViewSchema>;
export type AlertDeliveriesResponse = z.infer<typeof AlertDeliveriesResponseSchema>;

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
