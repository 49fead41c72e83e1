import type { ExposureUpdate, RiskAlert } from '@hyperdex/contracts';
import { formatDecimal } from '../money/usd';
import type { RuleFinding } from '../rules/rule-engine';

/**
 * The alert event for a level change: a warning, a breach, an escalation, or a clearance (which the alerting service
 * uses to resolve the episode). Its id comes from the rule, the user and the rule's level-change count,
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
    level: finding.level,
    change: finding.type,
    tradingState: finding.tradingState,
    observedValue: formatDecimal(finding.observed),
    threshold: formatDecimal(finding.level === 'warning' ? (finding.warningAt ?? finding.threshold) : finding.threshold),
    message: finding.message,
    triggeredAt: now,
    sourceEventId: update.eventId,
  };
}
