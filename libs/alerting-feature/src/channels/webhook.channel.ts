import type { AlertChannelSender } from './alert-channel';
import { postJson } from './post-json';
import { signWebhook } from './webhook-signature';

/** The contract's webhook: `{id, type, alert}` (a summary: `{id, type: "alert.summary", summary}`), signed, with the delivery id as a header too. */
export const webhookChannel: AlertChannelSender<'webhook'> = {
  kind: 'webhook',
  send(channel, message, context) {
    const { notification: n } = message;
    const body = JSON.stringify(
      message.summary
        ? { id: message.deliveryId, type: message.type, summary: message.summary }
        : {
            id: message.deliveryId,
            type: message.type,
            alert: { ...n.alert, state: n.status, version: n.version ?? 1, updatedAt: n.updatedAt ?? n.recordedAt, ...(n.actor ? { actor: n.actor } : {}) },
          },
    );
    const headers = {
      'x-hyperdex-signature': signWebhook(channel.secret, body, Math.floor(context.now() / 1000)),
      'x-hyperdex-delivery': message.deliveryId,
    };
    return postJson(channel.url, body, headers, context.timeoutMs);
  },
};
