import type { Usd } from '../money/usd';
import { ruleKindOf } from './kinds/rule-kinds';
import type { RuleDefinition } from './rule-definition';
import type { UserRiskView } from './user-risk-view';

/** The value a rule compares with its threshold; null when the data is missing (the rule is then not evaluable). */
export function observedValue(rule: RuleDefinition, view: UserRiskView): Usd | null {
  return rule.observation.observe(view);
}

/** Whether the data behind the rule's figure is large enough to act on: figures from too few points are noise. */
export function hasEnoughSample(rule: RuleDefinition, view: UserRiskView): boolean {
  const required = rule.minSample ?? ruleKindOf(rule.kind)?.defaultMinSample ?? 0;
  return required === 0 || rule.observation.sampleSize(view) >= required;
}

/** A sentence for the alert, in the unit of the rule. */
export function describe(rule: RuleDefinition, observed: Usd, level: 'warning' | 'breach'): string {
  const limit = level === 'breach' ? rule.threshold : (rule.warningAt ?? rule.threshold);
  return rule.observation.describe(observed, limit, level === 'breach' ? 'exceeds the limit of' : 'passed the warning level of');
}
