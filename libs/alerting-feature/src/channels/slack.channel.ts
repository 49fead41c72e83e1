import type { AlertChannelSender } from './alert-channel';
import { alertText, alertTitle } from './alert-text';
import { postJson } from './post-json';

/** A Slack incoming-webhook message: `text` for notifications, a header and a section block for the client. */
export const slackChannel: AlertChannelSender<'slack'> = {
  kind: 'slack',
  send(channel, message, context) {
    const n = message.notification;
    const body = JSON.stringify({
      text: alertTitle(n),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: alertTitle(n).slice(0, 150) } },
        { type: 'section', text: { type: 'mrkdwn', text: alertText(n).slice(0, 3000) } },
      ],
    });
    return postJson(channel.webhookUrl, body, {}, context.timeoutMs);
  },
};
