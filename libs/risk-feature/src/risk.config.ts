import { hostname } from 'node:os';
import { z } from 'zod';
import { decimalString } from '@hyperdex/contracts';
import { envInt, serviceEnvSchema } from '@hyperdex/observability';
import { kafkaEnvSchema } from '@hyperdex/messaging';
import { databaseEnvSchema } from '@hyperdex/persistence';

const positiveUsd = decimalString.refine((v) => !v.startsWith('-') && /[1-9]/.test(v), 'must be a positive USD amount');

export const riskConfigSchema = serviceEnvSchema(3003)
  .extend(kafkaEnvSchema.shape)
  .extend(databaseEnvSchema.shape)
  .extend({
    /** Gross exposure (USD) above which the default MaxExposure rule fires. */
    RISK_MAX_EXPOSURE_USD: positiveUsd.default('1000000'),
    /** Today's loss (USD) above which the default DailyLossLimit rule fires. */
    RISK_DAILY_LOSS_LIMIT_USD: positiveUsd.default('100000'),
    /** 99% one-bar parametric VaR (USD) above which the default VarLimit rule fires. */
    RISK_MAX_VAR_USD: positiveUsd.default('250000'),
    /** A JSON file with the full rule set (replaces the defaults); see libs/risk-core/README.md. */
    RISK_RULES_FILE: z.string().min(1).optional(),
    /** A JSON file with the stress scenarios (replaces the defaults). */
    RISK_STRESS_SCENARIOS_FILE: z.string().min(1).optional(),
    /** Width of one return period, ms: prices and equity are sampled into bars of this size. */
    RISK_BAR_MS: envInt(60_000, 1000, 86_400_000),
    /** Bars of history behind VaR, Sharpe and Sortino. */
    RISK_HISTORY_POINTS: envInt(500, 10, 10_000),
    /** EWMA decay of the covariance (RiskMetrics: 0.94). */
    RISK_EWMA_LAMBDA: z.coerce.number().gt(0, 'must be in (0, 1)').lt(1, 'must be in (0, 1)').default(0.94),
    /** Annual risk-free rate for Sharpe (fraction). */
    RISK_RISK_FREE_RATE: z.coerce.number().min(0).max(1).default(0),
    RISK_MONTE_CARLO_PATHS: envInt(10_000, 100, 1_000_000),
    /** Monte Carlo runs once for every new book of a user (after a trade) and at most this often on price moves. */
    RISK_MONTE_CARLO_INTERVAL_MS: envInt(60_000, 0, 86_400_000),
    /**
     * Worker threads running Monte Carlo off the consumer's event loop; 0 runs it on the main thread after the chunk
     * (setImmediate), for tests. One suits a 2-core machine: the consumer keeps the other core.
     */
    RISK_MONTE_CARLO_WORKERS: envInt(1, 0, 64),
    /** Monte Carlo runs queued or running at most; further requests are skipped (and counted) until the pool catches up. */
    RISK_MONTE_CARLO_QUEUE: envInt(1_000, 1, 1_000_000),
    /** Closed trades behind win rate, average size and streaks. */
    RISK_TRADE_WINDOW: envInt(500, 1, 100_000),
    RISK_MAX_CACHED_USERS: envInt(100_000, 1, 10_000_000),
    /** Tokens beyond the seed (as for positions): decimals and stablecoins for valuing hypothetical trades. */
    TOKEN_REGISTRY_FILE: z.string().min(1).optional(),
    /** Keys accepted in `x-api-key` by `POST /v1/risk/check` (ingestion's keys: the same trading services call both). */
    INGESTION_API_KEYS: z
      .string()
      .optional()
      .transform((v) => (v ?? '').split(',').map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= 16), 'every key must be at least 16 characters'),
    /** HS256 secret of the gateway's tokens: a user's token may check that user's trades. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Names this instance's private price-feed consumer group. */
    RISK_INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dot, dash or underscore').default(`${hostname()}-${process.pid}`),
  });

export type RiskConfig = z.infer<typeof riskConfigSchema>;
