import { z } from 'zod';
import { minSeverity } from './channel-fields';

/** A Telegram bot message to one chat (Bot API `sendMessage`). */
export const TelegramChannelSchema = z.strictObject({
  kind: z.literal('telegram'),
  botToken: z.string({ error: 'is required' }).regex(/^[0-9]+:[A-Za-z0-9_-]{20,}$/, 'must be a bot token such as 123456:ABC-DEF…'),
  chatId: z.union([z.string().regex(/^-?[0-9]+$|^@[A-Za-z0-9_]{5,}$/, 'must be a chat id or @channel'), z.number().int()]),
  minSeverity,
});
export const TELEGRAM_SECRET_FIELDS = ['botToken'] as const;
