import { z } from 'zod';
import { decimalString } from '@hyperdex/contracts';
import { serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';

export const riskConfigSchema = serviceEnvSchema(3003)
  .extend(kafkaEnvSchema.shape)
  .extend({
    /** Gross exposure (USD) above which a user's MaxExposure rule fires. */
    RISK_MAX_EXPOSURE_USD: decimalString
      .refine((v) => !v.startsWith('-') && /[1-9]/.test(v), 'must be a positive USD amount')
      .default('1000000'),
  });

export type RiskConfig = z.infer<typeof riskConfigSchema>;
