import type { AlertChannelSender } from './alert-channel';
import { messageText, messageTitle } from './alert-text';
import { postJson } from './post-json';

/** A Slack incoming-webhook message: `text` for notifications, a header and a section block for the client. */
export const slackChannel: AlertChannelSender<'slack'> = {
  kind: 'slack',
  send(channel, message, context) {
    const body = JSON.stringify({
      text: messageTitle(message),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: messageTitle(message).slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: messageText(message).slice(0, 3000) } },
      ],
    });
    return postJson(channel.webhookUrl, body, {}, context.timeoutMs);
  },
};
