import type { AlertChannelSender } from './alert-channel';
import { messageText, messageTitle } from './alert-text';

/** A plain-text email over the service's SMTP transport (ALERT_SMTP_URL). */
export const emailChannel: AlertChannelSender<'email'> = {
  kind: 'email',
  async send(channel, message, context) {
    if (!context.email) return { ok: false, statusCode: null, error: 'no SMTP server configured (ALERT_SMTP_URL)' };
    try {
      await context.email.send({ to: channel.to, subject: messageTitle(message), text: `${messageText(message)}\nDelivery: ${message.deliveryId}\n` });
      return { ok: true, statusCode: null };
    } catch (error) {
      return { ok: false, statusCode: null, error: (error as Error).message };
    }
  },
};
