import { z } from 'zod';
import { httpUrl, minSeverity } from './channel-fields';

/** A Slack incoming webhook; its URL is the credential, so it is never read back. */
export const SlackChannelSchema = z.strictObject({ kind: z.literal('slack'), webhookUrl: httpUrl, minSeverity });
export const SLACK_SECRET_FIELDS = ['webhookUrl'] as const;
