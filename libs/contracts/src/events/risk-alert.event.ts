import { z } from 'zod';
import { decimalString, epochMillis, identifier, userId } from '../primitives/primitives.schema';

export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
/**
 * A rule kind's name. The kinds themselves are registered in risk-core (`RULE_KIND_REGISTRY`, one file per kind);
 * contracts depend on nothing, so the wire checks the shape of the name and the registry's spec checks that every
 * registered kind fits it. Every name the earlier enum allowed is still valid.
 */
export const RuleKindSchema = z.string().regex(/^[A-Z][A-Za-z0-9]{1,63}$/, 'must be a rule kind name such as MaxExposure');

/** A rule breach found by the risk service for one user. */
export const RiskAlertSchema = z.strictObject({
  /** Deterministic from rule, user and the triggering event, so a redelivered event never makes a second alert. */
  alertId: identifier(400),
  ruleId: identifier(100),
  kind: RuleKindSchema,
  userId,
  severity: AlertSeveritySchema,
  /**
   * The rule's level after the change. A warning fires at the rule's warning level (by default 80% of the threshold),
   * a breach at the threshold; `ok` reports that the condition cleared (below the level less the hysteresis).
   */
  level: z.enum(['warning', 'breach', 'ok']).optional(),
  /**
   * What changed: a new warning or breach, a warning escalated to a breach, or a level cleared (to a lower level or
   * to ok). The alerting service keeps one alert per (user, rule) episode from these; absent means warning/breach.
   */
  change: z.enum(['warning', 'breach', 'escalated', 'cleared']).optional(),
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
