import type { AlertChannelSender } from './alert-channel';
import { messageText, messageTitle } from './alert-text';
import { postJson } from './post-json';

/** Bot API `sendMessage` to the channel's chat (ALERT_TELEGRAM_API_URL points elsewhere in tests). */
export const telegramChannel: AlertChannelSender<'telegram'> = {
  kind: 'telegram',
  send(channel, message, context) {
    const body = JSON.stringify({ chat_id: channel.chatId, text: `${messageTitle(message)}\n\n${messageText(message)}`.slice(0, 4096), disable_web_page_preview: true });
    return postJson(`${context.telegramApiUrl}/bot${channel.botToken}/sendMessage`, body, {}, context.timeoutMs);
  },
};
