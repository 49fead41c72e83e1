import { z } from 'zod';
import { minSeverity } from './channel-fields';

/** An email over SMTP per alert change. */
export const EmailChannelSchema = z.strictObject({
  kind: z.literal('email'),
  to: z.string({ error: 'is required' }).regex(/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/, 'must be one email address such as desk@example.com').max(254),
  minSeverity,
});
export const EMAIL_SECRET_FIELDS = [] as const;
