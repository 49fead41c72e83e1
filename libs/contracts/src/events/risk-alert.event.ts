import { z } from 'zod';
import { decimalString, epochMillis, identifier, userId } from '../primitives/primitives.schema';

export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export const RuleKindSchema = z.enum([
  'MaxExposure',
  'ConcentrationLimit',
  'DrawdownLimit',
  'VarLimit',
  'ConsecutiveLosses',
  'DailyLossLimit',
  'StressLossLimit',
  'UnpricedExposure',
  'StalePrice',
]);

/** A rule breach found by the risk service for one user. */
export const RiskAlertSchema = z.strictObject({
  /** Deterministic from rule, user and the triggering event, so a redelivered event never makes a second alert. */
  alertId: identifier(400),
  ruleId: identifier(100),
  kind: RuleKindSchema,
  userId,
  severity: AlertSeveritySchema,
  /** A warning fires at the rule's warning level (by default 80% of the threshold), a breach at the threshold. */
  level: z.enum(['warning', 'breach']).optional(),
  /** The trading state the rule recommends for the user: ACTIVE, REDUCING (only position-reducing trades) or HALTED. */
  tradingState: z.enum(['ACTIVE', 'REDUCING', 'HALTED']).optional(),
  observedValue: decimalString,
  threshold: decimalString,
  message: z.string().min(1).max(1000),
  triggeredAt: epochMillis,
  sourceEventId: identifier(300),
});

export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;
export type RuleKind = z.infer<typeof RuleKindSchema>;
export type RiskAlert = z.infer<typeof RiskAlertSchema>;
