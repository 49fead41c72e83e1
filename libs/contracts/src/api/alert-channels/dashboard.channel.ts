import { z } from 'zod';
import { minSeverity } from './channel-fields';

/** The user's dashboards (Socket.IO); alerts reach them anyway, this sets the least severity shown as a popup. */
export const DashboardChannelSchema = z.strictObject({ kind: z.literal('dashboard'), minSeverity });
export const DASHBOARD_SECRET_FIELDS = [] as const;
