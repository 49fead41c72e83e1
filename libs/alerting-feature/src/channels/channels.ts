import type { AlertChannel, AlertChannelKind } from '@hyperdex/contracts';
import type { AlertChannelSender, ChannelContext, ChannelMessage, SendResult } from './alert-channel';
import { discordChannel } from './discord.channel';
import { emailChannel } from './email.channel';
import { slackChannel } from './slack.channel';
import { telegramChannel } from './telegram.channel';
import { webhookChannel } from './webhook.channel';

/**
 * Every channel the service delivers to. `dashboard` is not here: dashboards get every change through the gateway's
 * sockets, and the channel only records the user's severity preference.
 */
const SENDERS: { [K in AlertChannelKind]?: AlertChannelSender<K> } = {
  webhook: webhookChannel,
  email: emailChannel,
  slack: slackChannel,
  telegram: telegramChannel,
  discord: discordChannel,
};

export const deliversTo = (kind: AlertChannelKind): boolean => SENDERS[kind] !== undefined;

export function sendTo(channel: AlertChannel, message: ChannelMessage, context: ChannelContext): Promise<SendResult> {
  const sender = SENDERS[channel.kind] as AlertChannelSender | undefined;
  if (!sender) return Promise.resolve({ ok: false, statusCode: null, error: `no sender for channel kind ${channel.kind}` });
  return sender.send(channel as never, message, context);
}
