import type { z } from 'zod';
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
  });

export type AlertingConfig = z.infer<typeof alertingConfigSchema>;
