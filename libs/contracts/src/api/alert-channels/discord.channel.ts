import { z } from 'zod';
import { httpUrl, minSeverity } from './channel-fields';

/** A Discord webhook; its URL is the credential, so it is never read back. */
export const DiscordChannelSchema = z.strictObject({ kind: z.literal('discord'), webhookUrl: httpUrl, minSeverity });
export const DISCORD_SECRET_FIELDS = ['webhookUrl'] as const;
