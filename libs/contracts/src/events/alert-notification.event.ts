import { z } from 'zod';
import { epochMillis } from '../primitives/primitives.schema';
import { RiskAlertSchema } from './risk-alert.event';

/** An alert that the alerting service has recorded and releases for delivery to the user's dashboards. */
export const AlertNotificationSchema = z.strictObject({
  alert: RiskAlertSchema,
  status: z.enum(['open']),
  recordedAt: epochMillis,
});

export type AlertNotification = z.infer<typeof AlertNotificationSchema>;
