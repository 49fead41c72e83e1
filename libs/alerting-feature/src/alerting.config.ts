import type { z } from 'zod';
import { serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema } from '@hyperdex/persistence';

export const alertingConfigSchema = serviceEnvSchema(3004).extend(kafkaEnvSchema.shape).extend(databaseEnvSchema.shape);

export type AlertingConfig = z.infer<typeof alertingConfigSchema>;
