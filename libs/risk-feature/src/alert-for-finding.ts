import type { ExposureUpdate, RiskAlert } from '@hyperdex/contracts';
import { formatDecimal, type RuleFinding } from '@hyperdex/risk-core';

/**
 * The alert event for a warning or breach. Its id comes from the rule, the user and the rule's level-change count,
 * so a redelivered exposure update (replayed before the rule state was saved) produces the same id and the alerting
 * service records it once.
 */
export function alertForFinding(finding: RuleFinding, update: ExposureUpdate, now: number): RiskAlert {
  return {
    alertId: `${finding.ruleId}:${finding.userId}:${finding.sequence}`,
    ruleId: finding.ruleId,
    kind: finding.kind,
    userId: finding.userId,
    severity: finding.severity,
    level: finding.level === 'breach' ? 'breach' : 'warning',
    tradingState: finding.tradingState,
    observedValue: formatDecimal(finding.observed),
    threshold: formatDecimal(finding.level === 'breach' ? finding.threshold : (finding.warningAt ?? finding.threshold)),
    message: finding.message,
    triggeredAt: now,
    sourceEventId: update.eventId,
  };
}
