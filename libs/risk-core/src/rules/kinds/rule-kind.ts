import type { z } from 'zod';
import type { Usd } from '../../money/usd';
import type { UserRiskView } from '../user-risk-view';

/** The rule fields a kind may need besides its params (validated by the common rule schema first). */
export interface RuleBasics {
  readonly threshold: string;
  readonly lookbackMs?: number | undefined;
}

/** A problem a kind finds in a rule, at a path inside the rule (e.g. `['threshold']`). */
export interface RuleKindIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What the rule compares with its levels, bound to one rule's params. */
export interface RuleObservation {
  /** The value compared with the threshold; null when the data is missing (the rule is then not evaluable). */
  observe(view: UserRiskView): Usd | null;
  /** The data points behind the figure, compared with the rule's minimum sample. */
  sampleSize(view: UserRiskView): number;
  /** A sentence for the alert, in the unit of the rule. */
  describe(observed: Usd, limit: Usd, verb: string): string;
}

/**
 * One rule kind: everything that differs between kinds lives in its own file behind this interface, so a new kind
 * is one file plus one line in `rule-kinds.ts`.
 */
export interface RuleKindDefinition<K extends string = string, P = unknown> {
  readonly kind: K;
  readonly description: string;
  /** Validates the rule's `params` (absent params are checked as `{}`). */
  readonly params: z.ZodType<P>;
  /** Points required before the rule may fire when the rule sets no `minSample`. */
  readonly defaultMinSample: number;
  /** Whether the kind honours `lookbackMs`. */
  readonly supportsLookback?: boolean;
  /** Checks that need the threshold and params together. */
  check?(rule: RuleBasics, params: P): RuleKindIssue[];
  bind(rule: RuleBasics, params: P): RuleObservation;
}

/** Keeps each kind's params type inside its definition while the registry holds them side by side. */
export interface RegisteredRuleKind<K extends string = string> {
  readonly kind: K;
  readonly description: string;
  readonly paramsSchema: z.ZodType;
  readonly defaultMinSample: number;
  readonly supportsLookback: boolean;
  /** Parses the params and binds the observation, or answers the issues (paths relative to the rule). */
  compile(rule: RuleBasics, params: unknown): { params: unknown; observation: RuleObservation } | { issues: RuleKindIssue[] };
}

export function defineRuleKind<K extends string, P>(definition: RuleKindDefinition<K, P>): RegisteredRuleKind<K> {
  return {
    kind: definition.kind,
    description: definition.description,
    paramsSchema: definition.params,
    defaultMinSample: definition.defaultMinSample,
    supportsLookback: definition.supportsLookback ?? false,
    compile(rule, raw) {
      const parsed = definition.params.safeParse(raw ?? {});
      if (!parsed.success) {
        return {
          issues: parsed.error.issues.map((i) => ({
            path: ['params', ...i.path],
            message: i.code === 'unrecognized_keys' ? `unknown field(s) for ${definition.kind}: ${i.keys.join(', ')}` : i.message,
          })),
        };
      }
      const issues = definition.check?.(rule, parsed.data) ?? [];
      if (issues.length > 0) return { issues };
      return { params: parsed.data, observation: definition.bind(rule, parsed.data) };
    },
  };
}
