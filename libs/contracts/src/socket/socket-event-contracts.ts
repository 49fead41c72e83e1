import type { z } from 'zod';
import { AlertNotificationSchema } from '../events/alert-notification.event';
import { ExposureUpdateSchema } from '../events/exposure-update.event';
import { RiskMetricsSchema } from '../events/risk-metrics.event';
import type { ServerToClientEvents } from './socket-events';

/** One server→client Socket.IO event: its payload schema (named as in the OpenAPI components) and when it is sent. */
export interface SocketEventContract {
  schemaName: string;
  schema: z.ZodType;
  description: string;
}

/** Every event the gateway pushes; keyed by the typed event map so an event added there must be documented here. */
export const SOCKET_EVENT_CONTRACTS: Record<keyof ServerToClientEvents, SocketEventContract> = {
  exposure: { schemaName: 'ExposureUpdate', schema: ExposureUpdateSchema, description: "Each change of the user's exposure (a trade, a transfer, a retraction or a price move)." },
  'risk-metrics': { schemaName: 'RiskMetrics', schema: RiskMetricsSchema, description: 'The risk figures, trading state and rule statuses after each exposure change.' },
  alert: { schemaName: 'AlertNotification', schema: AlertNotificationSchema, description: 'A new alert (event `opened`).' },
  'alert-updated': { schemaName: 'AlertNotification', schema: AlertNotificationSchema, description: 'Every later change of an alert already sent as `alert`: escalated, re-notified, updated, acknowledged, resolved.' },
};
