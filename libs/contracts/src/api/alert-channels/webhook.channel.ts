import { z } from 'zod';
import { httpUrl, minSeverity } from './channel-fields';

/** A signed JSON POST per alert change (`x-hyperdex-signature`, see README). */
export const WebhookChannelSchema = z.strictObject({
  kind: z.literal('webhook'),
  url: httpUrl,
  secret: z.string({ error: 'is required' }).min(16, 'must be at least 16 characters').max(256, 'must be at most 256 characters'),
  minSeverity,
});
export const WEBHOOK_SECRET_FIELDS = ['secret'] as const;
