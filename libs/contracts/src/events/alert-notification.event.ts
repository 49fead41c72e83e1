import { z } from 'zod';
import { epochMillis } from '../primitives/primitives.schema';
import { RiskAlertSchema } from './risk-alert.event';

/** Where an alert is in its life: raised, seen by someone, or over (cleared by the rule or closed by someone). */
export const AlertStateSchema = z.enum(['open', 'acknowledged', 'resolved']);

/**
 * The change a notification reports. `updated` (a breach eased back to a warning) reaches dashboards only; the other
 * five are what channels deliver (as `alert.<event>`).
 */
export const AlertEventTypeSchema = z.enum(['opened', 'escalated', 'renotified', 'acknowledged', 'resolved', 'updated']);

/**
 * One state change of an alert, released by the alerting service (or by the gateway for a user's action) to the
 * user's dashboards, channels and the risk service. `alert.alertId` names the episode: one alert per (user, rule)
 * from the first warning or breach until the condition clears; `alert` carries its latest figures.
 */
export const AlertNotificationSchema = z.strictObject({
  alert: RiskAlertSchema,
  /** The alert's state after this change (producers before the lifecycle only ever sent `open`). */
  status: AlertStateSchema,
  recordedAt: epochMillis,
  /** Absent from producers before the lifecycle: read as `opened`. */
  event: AlertEventTypeSchema.optional(),
  /** Grows by one with every change of the alert, so a client keeps the highest and drops repeats. */
  version: z.number().int().positive().optional(),
  updatedAt: epochMillis.optional(),
  /** Who made the change: a user id for an acknowledgement or resolution, `rule` when the condition cleared. */
  actor: z.string().min(1).max(200).optional(),
});

export type AlertState = z.infer<typeof AlertStateSchema>;
export type AlertEventType = z.infer<typeof AlertEventTypeSchema>;
export type AlertNotification = z.infer<typeof AlertNotificationSchema>;
