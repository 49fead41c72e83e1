import type { AlertChannelSender } from './alert-channel';
import { messageText, messageTitle } from './alert-text';
import { postJson } from './post-json';

const COLOUR = { info: 0x3b82f6, warning: 0xf59e0b, critical: 0xdc2626 } as const;

/** A Discord webhook message with one embed coloured by severity. */
export const discordChannel: AlertChannelSender<'discord'> = {
  kind: 'discord',
  send(channel, message, context) {
    const n = message.notification;
    const body = JSON.stringify({
      content: messageTitle(message).slice(0, 2000),
      embeds: [{ title: messageTitle(message).slice(0, 256), description: messageText(message).slice(0, 4096), color: COLOUR[n.alert.severity], timestamp: new Date(n.updatedAt ?? n.recordedAt).toISOString() }],
      allowed_mentions: { parse: [] },
    });
    return postJson(channel.webhookUrl, body, {}, context.timeoutMs);
  },
};
