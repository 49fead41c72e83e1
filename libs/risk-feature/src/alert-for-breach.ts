import type { ExposureUpdate, RiskAlert } from '@hyperdex/contracts';
import { formatDecimal, type RuleBreach } from '@hyperdex/risk-core';

/** The alert event for a breach found on an exposure update. */
export function alertForBreach(breach: RuleBreach, update: ExposureUpdate, now: number): RiskAlert {
  return {
    // Derived from the triggering event, so a redelivered update cannot raise a second alert.
    alertId: `${breach.ruleId}:${update.userId}:${update.eventId}`,
    ruleId: breach.ruleId,
    kind: breach.kind,
    userId: update.userId,
    severity: 'critical',
    observedValue: formatDecimal(breach.observed),
    threshold: formatDecimal(breach.threshold),
    message: breach.message,
    triggeredAt: now,
    sourceEventId: update.eventId,
  };
}
