import { z } from 'zod';
import { epochMillis } from '../../primitives/primitives.schema';
import { AlertSeveritySchema } from '../../events/risk-alert.event';
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

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a UTC time of day such as "22:00"');

/**
 * How much reaches the user's channels. Notifications past `maxPerHour` in one UTC clock hour, and those during a
 * mute window, are held back and summarised in one message per channel when the hour or the window ends.
 * Dashboards always receive every change.
 */
export const AlertVolumeSchema = z.strictObject({
  maxPerHour: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').nullable().default(null),
  /** Daily windows in UTC; `from` after `to` wraps past midnight (22:00 → 06:00). */
  muteWindows: z
    .array(z.strictObject({ from: hhmm, to: hhmm }).refine((w) => w.from !== w.to, { message: 'must not start and end at the same time', path: ['to'] }))
    .max(10, 'must list at most 10 windows')
    .default([]),
});

/** `PUT /v1/users/:userId/alert-channels`: the user's whole set of channels (replaces the stored set). */
export const AlertChannelsRequestSchema = z.strictObject({
  channels: z.array(AlertChannelSchema).max(20, 'must list at most 20 channels'),
  volume: AlertVolumeSchema.default({ maxPerHour: null, muteWindows: [] }),
});

export type AlertVolume = z.infer<typeof AlertVolumeSchema>;

export type AlertChannel = z.infer<typeof AlertChannelSchema>;
export type AlertChannelKind = AlertChannel['kind'];
export type AlertChannelsRequest = z.infer<typeof AlertChannelsRequestSchema>;

/** A stored channel as the API answers it: every credential left out (so the kind's other settings, loosely). */
export const AlertChannelViewSchema = z.looseObject({ kind: z.enum(ALERT_CHANNEL_KINDS), minSeverity: AlertSeveritySchema });
export type AlertChannelView = { kind: AlertChannelKind; minSeverity: AlertChannel['minSeverity'] } & Record<string, unknown>;

export function channelViewOf(channel: AlertChannel): AlertChannelView {
  const secret = new Set<string>(CHANNEL_KINDS[channel.kind].secretFields);
  return Object.fromEntries(Object.entries(channel).filter(([field]) => !secret.has(field))) as AlertChannelView;
}

/** `GET`/`PUT` answer. */
export const AlertChannelsResponseSchema = z.strictObject({
  channels: z.array(AlertChannelViewSchema),
  volume: AlertVolumeSchema,
  updatedAt: epochMillis.nullable(),
});
export interface AlertChannelsResponse {
  channels: AlertChannelView[];
  volume: AlertVolume;
  updatedAt: number | null;
}
