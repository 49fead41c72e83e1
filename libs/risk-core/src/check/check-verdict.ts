import type { RuleDefinition, TradingState } from '../rules/rule-definition';
import type { RuleState, RuleStatus } from '../rules/rule-engine';
import type { UnknownToken } from './unknown-tokens';

export type CheckVerdict = 'allow' | 'reduce-only' | 'deny';

export type VerdictDecider =
  | { readonly kind: 'rule'; readonly rule: RuleDefinition; readonly status: RuleStatus }
  | { readonly kind: 'unknown'; readonly unknown: UnknownToken };

export interface VerdictInput {
  readonly rules: readonly RuleDefinition[];
  /** Each rule's status after the trades, and the engine's state of it after them. */
  readonly statuses: readonly RuleStatus[];
  readonly statesAfter: ReadonlyMap<string, RuleState>;
  readonly recommended: TradingState;
  readonly reduces: boolean;
  readonly unknown: readonly UnknownToken[];
}

/**
 * The verdict on trades from the state they would leave (Nautilus' trading states, applied before sending):
 * - a token the check cannot value → deny, naming it (never a silent allow);
 * - HALTED → deny; REDUCING → reduce-only when the trades only shrink risk-bearing positions, deny otherwise;
 * - ACTIVE → allow.
 * The deciders are the rules in breach whose action is the recommended state.
 */
export function decideVerdict(input: VerdictInput): { verdict: CheckVerdict; decidedBy: VerdictDecider[] } {
  if (input.unknown.length > 0) return { verdict: 'deny', decidedBy: input.unknown.map((unknown) => ({ kind: 'unknown', unknown })) };
  if (input.recommended === 'ACTIVE') return { verdict: 'allow', decidedBy: [] };
  const decidedBy: VerdictDecider[] = [];
  for (const status of input.statuses) {
    const rule = input.rules.find((r) => r.id === status.ruleId);
    const state = input.statesAfter.get(status.ruleId);
    if (!rule || !state || rule.action !== input.recommended) continue;
    if (state.level === 'breach' && state.released !== true) decidedBy.push({ kind: 'rule', rule, status });
  }
  const verdict: CheckVerdict = input.recommended === 'REDUCING' && input.reduces ? 'reduce-only' : 'deny';
  return { verdict, decidedBy };
}
