import type { Usd } from '../../money/usd';
import type { RuleBasics, RuleKindIssue } from './rule-kind';

/** Shared wording of alert sentences, so every kind reads alike. */
export const money = (v: Usd): string => `${v.toFixed(2)} USD`;
export const percent = (v: Usd): string => `${v.mul(100).toDecimalPlaces(2).toString()}%`;

/** For kinds whose figure is a fraction: a threshold above 1 could never be crossed. */
export function fractionThreshold(kind: string, rule: RuleBasics): RuleKindIssue[] {
  return Number(rule.threshold) <= 1 ? [] : [{ path: ['threshold'], message: `must be a fraction ≤ 1 for ${kind}` }];
}
