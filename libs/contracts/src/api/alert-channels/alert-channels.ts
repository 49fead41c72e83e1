import { z } from 'zod';
import { DASHBOARD_SECRET_FIELDS, DashboardChannelSchema } from './dashboard.channel';
import { DISCORD_SECRET_FIELDS, DiscordChannelSchema } from './discord.channel';
import { EMAIL_SECRET_FIELDS, EmailChannelSchema } from './email.channel';
import { SLACK_SECRET_FIELDS, SlackChannelSchema } from './slack.channel';
import { TELEGRAM_SECRET_FIELDS, TelegramChannelSchema } from './telegram.channel';
import { WEBHOOK_SECRET_FIELDS, WebhookChannelSchema } from './webhook.channel';

/**
 * Every channel kind's settings, one file each. A new channel is its settings file here, one line in this table, and
 * its delivery file in the alerting service.
 */
const CHANNEL_KINDS = {
  dashboard: { schema: DashboardChannelSchema, secretFields: DASHBOARD_SECRET_FIELDS },
  webhook: { schema: WebhookChannelSchema, secretFields: WEBHOOK_SECRET_FIELDS },
  email: { schema: EmailChannelSchema, secretFields: EMAIL_SECRET_FIELDS },
  slack: { schema: SlackChannelSchema, secretFields: SLACK_SECRET_FIELDS },
  telegram: { schema: TelegramChannelSchema, secretFields: TELEGRAM_SECRET_FIELDS },
  discord: { schema: DiscordChannelSchema, secretFields: DISCORD_SECRET_FIELDS },
} as const;

export const ALERT_CHANNEL_KINDS = Object.keys(CHANNEL_KINDS) as Array<keyof typeof CHANNEL_KINDS>;

export const AlertChannelSchema = z.discriminatedUnion(
  'kind',
  [DashboardChannelSchema, WebhookChannelSchema, EmailChannelSchema, SlackChannelSchema, TelegramChannelSchema, DiscordChannelSchema],
  { error: `must have a kind of ${ALERT_CHANNEL_KINDS.join(', ')}` },
);

/** `PUT /v1/users/:userId/alert-channels`: the user's whole set of channels (replaces the stored set). */
export const AlertChannelsRequestSchema = z.strictObject({
  channels: z.array(AlertChannelSchema).max(20, 'must list at most 20 channels'),
});

export type AlertChannel = z.infer<typeof AlertChannelSchema>;
export type AlertChannelKind = AlertChannel['kind'];
export type AlertChannelsRequest = z.infer<typeof AlertChannelsRequestSchema>;

/** A stored channel as the API answers it: every credential left out. */
export type AlertChannelView = { kind: AlertChannelKind; minSeverity: AlertChannel['minSeverity'] } & Record<string, unknown>;

export function channelViewOf(channel: AlertChannel): AlertChannelView {
  const secret = new Set<string>(CHANNEL_KINDS[channel.kind].secretFields);
  return Object.fromEntries(Object.entries(channel).filter(([field]) => !secret.has(field))) as AlertChannelView;
}

/** `GET`/`PUT` answer. */
export interface AlertChannelsResponse {
  channels: AlertChannelView[];
  updatedAt: number | null;
}
