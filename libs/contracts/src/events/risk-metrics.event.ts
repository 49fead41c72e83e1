import { z } from 'zod';
import { decimalString, epochMillis, identifier, userId } from '../primitives/primitives.schema';
import { RuleKindSchema } from './risk-alert.event';

const nullableDecimal = decimalString.nullable();

/** VaR and expected shortfall as positive USD losses over one period of the return history. */
export const VarFiguresSchema = z.strictObject({
  var95Usd: decimalString,
  var99Usd: decimalString,
  es95Usd: decimalString,
  es99Usd: decimalString,
});

export const TradingStateSchema = z.enum(['ACTIVE', 'REDUCING', 'HALTED']);

export const RuleStatusSchema = z.strictObject({
  ruleId: identifier(100),
  kind: RuleKindSchema,
  level: z.enum(['ok', 'warning', 'breach', 'not-evaluable']),
  observed: nullableDecimal,
  threshold: decimalString,
});

/**
 * Everything the risk service computed for one user after one event: the live figures behind the dashboard's risk
 * panel and behind every rule. Figures that lack data (too few points, no price) are null, never zero.
 */
export const RiskMetricsSchema = z.strictObject({
  eventId: identifier(300),
  userId,
  asOf: epochMillis,
  /** The exposure update these figures were computed from (the latest, when several were folded in). */
  sourceEventId: identifier(300),
  /**
   * Every exposure update folded into these figures, in order; the last is `sourceEventId`. Risk evaluates a user
   * once per batch on their latest state, so one RiskMetrics may cover several updates. Absent means `[sourceEventId]`.
   */
  sourceEventIds: z.array(identifier(300)).min(1).max(10_000).optional(),
  /** Every trade id (trades and retractions) those exposure updates covered; absent when they covered none. */
  tradeIds: z.array(identifier(200)).max(10_000).optional(),
  grossExposureUsd: decimalString,
  netExposureUsd: decimalString,
  concentration: z.strictObject({ largestShare: nullableDecimal, herfindahl: nullableDecimal }),
  valueAtRisk: z.strictObject({
    historical: VarFiguresSchema.nullable(),
    parametric: VarFiguresSchema.nullable(),
    monteCarlo: VarFiguresSchema.nullable(),
    /**
     * When the Monte Carlo figures were computed (epoch ms). Monte Carlo runs off the hot path, in a worker pool, so
     * they can be older than `asOf`; null while none exist for the user's current book.
     */
    monteCarloAsOf: epochMillis.nullable().optional(),
    /** Aligned return observations behind the figures. */
    returnPoints: z.number().int().nonnegative(),
  }),
  drawdown: z.strictObject({ current: nullableDecimal, max: nullableDecimal, equityPoints: z.number().int().nonnegative() }),
  performance: z.strictObject({ sharpe: nullableDecimal, sortino: nullableDecimal }),
  trades: z.strictObject({
    closedTrades: z.number().int().nonnegative(),
    winRate: nullableDecimal,
    averageTradeSizeUsd: nullableDecimal,
    consecutiveLosses: z.number().int().nonnegative(),
    maxConsecutiveLosses: z.number().int().nonnegative(),
  }),
  dailyPnlUsd: decimalString,
  realizedPnlUsd: decimalString,
  unrealizedPnlUsd: decimalString,
  stress: z.array(z.strictObject({ scenarioId: identifier(100), lossUsd: decimalString })),
  tradingState: TradingStateSchema,
  rules: z.array(RuleStatusSchema),
  /** Oldest price any figure used; null when nothing was priced. */
  oldestPriceAt: epochMillis.nullable(),
});

export type RiskMetrics = z.infer<typeof RiskMetricsSchema>;
export type TradingState = z.infer<typeof TradingStateSchema>;
