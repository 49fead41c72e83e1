import { z } from 'zod';
import { epochMillis, identifier } from '../primitives/primitives.schema';
import { AlertStateSchema } from '../events/alert-notification.event';
import { AlertSeveritySchema, RiskAlertSchema } from '../events/risk-alert.event';

/** One alert as the history and the actions answer it: the alert's latest figures plus where it is in its life. */
export const AlertViewSchema = RiskAlertSchema.extend({
  state: AlertStateSchema,
  version: z.number().int().positive(),
  openedAt: epochMillis,
  updatedAt: epochMillis,
  acknowledgedAt: epochMillis.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: epochMillis.nullable(),
  resolvedBy: z.string().nullable(),
  /** Times channels were told (opened, escalated, re-notified). */
  notifications: z.number().int().nonnegative(),
});

/** `GET /v1/users/:userId/alerts` answers a page, newest first; `nextCursor` is null on the last page. */
export const AlertHistoryResponseSchema = z.strictObject({
  items: z.array(AlertViewSchema),
  nextCursor: z.string().nullable(),
});

const queryMillis = z.coerce.number({ error: 'must be epoch milliseconds' }).pipe(epochMillis);

/** The history's query string: every filter optional; `cursor` is the previous page's `nextCursor`. */
export const AlertHistoryQuerySchema = z.strictObject({
  state: AlertStateSchema.optional(),
  severity: AlertSeveritySchema.optional(),
  ruleId: identifier(100).optional(),
  from: queryMillis.optional(),
  to: queryMillis.optional(),
  limit: z.coerce.number({ error: 'must be an integer from 1 to 500' }).int('must be an integer from 1 to 500').min(1, 'must be an integer from 1 to 500').max(500, 'must be an integer from 1 to 500').default(50),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, 'must be a nextCursor from a previous page').optional(),
});

export type AlertView = z.infer<typeof AlertViewSchema>;
export type AlertHistoryResponse = z.infer<typeof AlertHistoryResponseSchema>;
export type AlertHistoryQuery = z.infer<typeof AlertHistoryQuerySchema>;
