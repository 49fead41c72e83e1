import type { RegisteredRuleKind } from './rule-kind';
import { concentrationLimitRule } from './concentration-limit.rule-kind';
import { consecutiveLossesRule } from './consecutive-losses.rule-kind';
import { dailyLossLimitRule } from './daily-loss-limit.rule-kind';
import { drawdownLimitRule } from './drawdown-limit.rule-kind';
import { maxExposureRule } from './max-exposure.rule-kind';
import { stalePriceRule } from './stale-price.rule-kind';
import { stressLossLimitRule } from './stress-loss-limit.rule-kind';
import { unpricedExposureRule } from './unpriced-exposure.rule-kind';
import { varLimitRule } from './var-limit.rule-kind';

/**
 * Every rule kind the engine evaluates. A new kind plugs in as one `<kind>.rule-kind.ts` file and one entry here;
 * `RULE_KINDS`, the rule schema and the observation all follow from this list.
 */
export const RULE_KIND_REGISTRY = [
  maxExposureRule,
  concentrationLimitRule,
  drawdownLimitRule,
  varLimitRule,
  consecutiveLossesRule,
  dailyLossLimitRule,
  stressLossLimitRule,
  unpricedExposureRule,
  stalePriceRule,
] as const;

export type RuleKind = (typeof RULE_KIND_REGISTRY)[number]['kind'];

export const RULE_KINDS = RULE_KIND_REGISTRY.map((k) => k.kind) as unknown as readonly [RuleKind, ...RuleKind[]];

const byKind: ReadonlyMap<string, RegisteredRuleKind> = new Map(RULE_KIND_REGISTRY.map((k) => [k.kind, k]));

export function ruleKindOf(kind: string): RegisteredRuleKind | undefined {
  return byKind.get(kind);
}
