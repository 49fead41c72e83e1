import type { Usd } from '../money/usd';
import type { RuleDefinition, RuleKind, RuleSeverity, TradingState } from './rule-definition';
import { describe, hasEnoughSample, observedValue } from './rule-observation';
import type { UserRiskView } from './user-risk-view';

export type RuleLevel = 'ok' | 'warning' | 'breach';

/** The engine's memory of one (rule, user); plain JSON so the service can persist it and never re-alert on restart. */
export interface RuleState {
  level: RuleLevel;
  /** When the current level began. */
  since: number;
  lastWarningAlertAt: number | null;
  lastBreachAlertAt: number | null;
  /** A manual-reset rule that fired stays in breach until acknowledged. */
  awaitingAcknowledgement: boolean;
  /**
   * An acknowledged manual breach: the rule stays in breach until its value clears, but its action no longer holds
   * the user (someone accepted it). Absent in states saved before acknowledgement released the action.
   */
  released?: boolean;
  /** Counts level changes, so alert ids built from it are unique and stable. */
  sequence: number;
}

export type FindingType = 'warning' | 'breach' | 'escalated' | 'cleared';

/** A level change worth reporting. Warnings, breaches and escalations are alerts; a clearance is informational. */
export interface RuleFinding {
  readonly type: FindingType;
  readonly ruleId: string;
  readonly kind: RuleKind;
  readonly userId: string;
  readonly severity: RuleSeverity;
  readonly level: RuleLevel;
  readonly observed: Usd;
  readonly threshold: Usd;
  readonly warningAt: Usd | null;
  /** What the rule recommends while at this level: its action in breach, ACTIVE otherwise. */
  readonly tradingState: TradingState;
  readonly message: string;
  readonly oldestPriceAt: number | null;
  readonly sequence: number;
}

export interface RuleStatus {
  readonly ruleId: string;
  readonly kind: RuleKind;
  readonly level: RuleLevel | 'not-evaluable';
  readonly observed: Usd | null;
  readonly threshold: Usd;
}

export interface Evaluation {
  readonly userId: string;
  readonly asOf: number;
  /** The most restrictive action of the rules in breach (HALTED > REDUCING > ACTIVE). */
  readonly tradingState: TradingState;
  readonly findings: RuleFinding[];
  readonly statuses: RuleStatus[];
}

const RESTRICTION: Record<TradingState, number> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };

const fresh = (asOf: number): RuleState => ({
  level: 'ok',
  since: asOf,
  lastWarningAlertAt: null,
  lastBreachAlertAt: null,
  awaitingAcknowledgement: false,
  sequence: 0,
});

/**
 * Evaluates every rule in scope for a user on each view, O(rules). A level is entered when the value exceeds it and
 * left only once the value falls below level × (1 − hysteresis), so a value hovering at a threshold does not flap.
 * A warning fires at `warningLevel` × threshold; re-entering a level within `cooldownMs` of its last alert changes the
 * state but does not alert again; a rule below its minimum sample or with a missing figure is not evaluable and
 * never fires; `reset: manual` keeps a breach until `acknowledge`.
 */
export class RuleEngine {
  private readonly states = new Map<string, Map<string, RuleState>>();

  constructor(readonly rules: readonly RuleDefinition[]) {}

  evaluate(view: UserRiskView): Evaluation {
    const findings: RuleFinding[] = [];
    const statuses: RuleStatus[] = [];
    let tradingState: TradingState = 'ACTIVE';
    const userStates = this.userStates(view.userId);

    for (const rule of this.rules) {
      if (rule.scope.type === 'user' && !rule.scope.userIds.includes(view.userId)) continue;
      const observed = observedValue(rule, view);
      const state = userStates.get(rule.id) ?? fresh(view.asOf);
      if (observed === null || !hasEnoughSample(rule, view)) {
        // Without data the last known level stands (a breach is not cleared by a feed going quiet).
        statuses.push({ ruleId: rule.id, kind: rule.kind, level: 'not-evaluable', observed, threshold: rule.threshold });
        if (holds(state)) tradingState = mostRestrictive(tradingState, rule.action);
        continue;
      }
      const next = this.nextLevel(rule, state, observed);
      if (next !== state.level) {
        const finding = this.transition(rule, state, next, observed, view);
        if (finding) findings.push(finding);
      }
      userStates.set(rule.id, state);
      statuses.push({ ruleId: rule.id, kind: rule.kind, level: state.level, observed, threshold: rule.threshold });
      if (holds(state)) tradingState = mostRestrictive(tradingState, rule.action);
    }
    return { userId: view.userId, asOf: view.asOf, tradingState, findings, statuses };
  }

  /**
   * Releases a manual-reset breach: its action stops holding the user at once, and the rule clears (re-arming) once
   * its value is back below the level less the hysteresis. Answers false when there was no latch to release.
   */
  acknowledge(ruleId: string, userId: string): boolean {
    const state = this.states.get(userId)?.get(ruleId);
    if (!state?.awaitingAcknowledgement) return false;
    state.awaitingAcknowledgement = false;
    state.released = true;
    return true;
  }

  /** The user's trading state from the remembered levels, without a new view (after an acknowledgement). */
  tradingStateOf(userId: string): TradingState {
    const states = this.states.get(userId);
    let tradingState: TradingState = 'ACTIVE';
    if (!states) return tradingState;
    for (const rule of this.rules) {
      const state = states.get(rule.id);
      if (state && holds(state)) tradingState = mostRestrictive(tradingState, rule.action);
    }
    return tradingState;
  }

  snapshot(userId: string): Array<{ ruleId: string; state: RuleState }> {
    return [...(this.states.get(userId) ?? new Map<string, RuleState>())].map(([ruleId, state]) => ({ ruleId, state: { ...state } }));
  }

  restore(userId: string, states: ReadonlyArray<{ ruleId: string; state: RuleState }>): void {
    const known = new Set(this.rules.map((r) => r.id));
    const map = new Map<string, RuleState>();
    for (const { ruleId, state } of states) if (known.has(ruleId)) map.set(ruleId, { ...state });
    this.states.set(userId, map);
  }

  forget(userId: string): void {
    this.states.delete(userId);
  }

  private userStates(userId: string): Map<string, RuleState> {
    let map = this.states.get(userId);
    if (!map) this.states.set(userId, (map = new Map()));
    return map;
  }

  private nextLevel(rule: RuleDefinition, state: RuleState, observed: Usd): RuleLevel {
    if (observed.gt(rule.threshold)) return 'breach';
    if (state.level === 'breach') {
      if (state.awaitingAcknowledgement || observed.gte(rule.breachClearsBelow)) return 'breach';
    }
    if (rule.warningAt !== null && rule.warningClearsBelow !== null) {
      if (observed.gt(rule.warningAt)) return 'warning';
      if (state.level !== 'ok' && observed.gte(rule.warningClearsBelow)) return 'warning';
    }
    return 'ok';
  }

  private transition(rule: RuleDefinition, state: RuleState, next: RuleLevel, observed: Usd, view: UserRiskView): RuleFinding | null {
    const previous = state.level;
    state.level = next;
    if (state.released) state.released = false;
    state.since = view.asOf;
    state.sequence++;
    let type: FindingType;
    if (next === 'breach') {
      type = previous === 'warning' ? 'escalated' : 'breach';
      if (rule.reset === 'manual') state.awaitingAcknowledgement = true;
      const cooling = state.lastBreachAlertAt !== null && view.asOf - state.lastBreachAlertAt < rule.cooldownMs;
      if (cooling) return null;
      state.lastBreachAlertAt = view.asOf;
    } else if (next === 'warning' && previous === 'ok') {
      type = 'warning';
      const cooling = state.lastWarningAlertAt !== null && view.asOf - state.lastWarningAlertAt < rule.cooldownMs;
      if (cooling) return null;
      state.lastWarningAlertAt = view.asOf;
    } else {
      type = 'cleared';
    }
    return {
      type,
      ruleId: rule.id,
      kind: rule.kind,
      userId: view.userId,
      severity: next === 'breach' ? rule.severity : type === 'cleared' ? 'info' : 'warning',
      level: next,
      observed,
      threshold: rule.threshold,
      warningAt: rule.warningAt,
      tradingState: next === 'breach' ? rule.action : 'ACTIVE',
      message:
        type === 'cleared'
          ? `Rule ${rule.id} (${rule.kind}) is back from ${previous} to ${next} at ${observed.toString()} (limit ${rule.thresholdText})`
          : describe(rule, observed, next === 'breach' ? 'breach' : 'warning'),
      oldestPriceAt: view.oldestPriceAt,
      sequence: state.sequence,
    };
  }
}

/** A breach holds the user to its action unless someone acknowledged a manual one. */
const holds = (state: RuleState): boolean => state.level === 'breach' && state.released !== true;

const mostRestrictive = (a: TradingState, b: TradingState): TradingState => (RESTRICTION[b] > RESTRICTION[a] ? b : a);
