import { z } from 'zod';
import { envInt, serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema } from '@hyperdex/persistence';

export const alertingConfigSchema = serviceEnvSchema(3004)
  .extend(kafkaEnvSchema.shape)
  .extend(databaseEnvSchema.shape)
  .extend({
    /** An open (unacknowledged) alert is sent again once its last notification is this old, ms. */
    ALERT_RENOTIFY_INTERVAL_MS: envInt(900_000, 1_000, 7 * 86_400_000),
    /** How often the re-notifier looks for alerts due, ms. */
    ALERT_RENOTIFY_SCAN_MS: envInt(10_000, 100, 3_600_000),
    /** Attempts per delivery before it is dead-lettered (listed by the API, redeliverable from there). */
    ALERT_DELIVERY_MAX_ATTEMPTS: envInt(8, 1, 100),
    /** First retry delay, ms; doubles per attempt (with jitter) up to ALERT_DELIVERY_MAX_BACKOFF_MS. */
    ALERT_DELIVERY_BACKOFF_MS: envInt(1_000, 10, 3_600_000),
    ALERT_DELIVERY_MAX_BACKOFF_MS: envInt(300_000, 10, 86_400_000),
    /** A receiver that has not answered within this is a failed attempt (the contract says 5 s). */
    ALERT_DELIVERY_TIMEOUT_MS: envInt(5_000, 100, 60_000),
    /** How often the delivery worker looks for due deliveries, ms (new ones are sent at once). */
    ALERT_DELIVERY_POLL_MS: envInt(500, 10, 60_000),
    /** Deliveries sent side by side by one worker. */
    ALERT_DELIVERY_CONCURRENCY: envInt(16, 1, 256),
    /** `smtp://user:pass@host:port` or `smtps://…`; without it email channels fail their deliveries. */
    ALERT_SMTP_URL: z.string().url('must be an smtp:// or smtps:// URL').optional(),
    ALERT_EMAIL_FROM: z.string().min(3).default('HyperDEX Risk <alerts@hyperdex.invalid>'),
    /** Telegram Bot API base (a local receiver in tests). */
    ALERT_TELEGRAM_API_URL: z.string().url('must be a URL').default('https://api.telegram.org'),
  });

export type AlertingConfig = z.infer<typeof alertingConfigSchema>;
