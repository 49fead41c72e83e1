import { z } from 'zod';
import { Usd } from '../money/usd';
import type { RegisteredRuleKind, RuleObservation } from './kinds/rule-kind';
import { RULE_KIND_REGISTRY, RULE_KINDS, ruleKindOf, type RuleKind } from './kinds/rule-kinds';

export { RULE_KINDS, type RuleKind } from './kinds/rule-kinds';
export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';
export type RuleSeverity = 'info' | 'warning' | 'critical';

const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const positiveDecimal = z
  .string()
  .regex(DECIMAL, 'must be a positive decimal string such as "100000" or "0.25"')
  .refine((v) => !DECIMAL.test(v) || /[1-9]/.test(v), 'must be greater than zero');
const fraction = (what: string) => z.number().min(0, `${what} must be ≥ 0`).max(1, `${what} must be ≤ 1`);

const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'must be a lower-case id of letters, digits, ".", "_" or "-"'),
    kind: z.enum(RULE_KINDS, `must be one of ${RULE_KINDS.join(', ')}`),
    /** The largest value allowed: the rule breaches when the observed value exceeds it. */
    threshold: positiveDecimal,
    severity: z.enum(['info', 'warning', 'critical'], 'must be info, warning or critical'),
    scope: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('global') }),
      z.strictObject({ type: z.literal('user'), userIds: z.array(z.string().min(1)).min(1, 'must name at least one user') }),
    ]),
    lookbackMs: z.number().int().positive('must be a positive number of milliseconds').optional(),
    /** Data points (trades or curve/return points, by kind) required before the rule may fire. */
    minSample: z.number().int().nonnegative().optional(),
    cooldownMs: z.number().int().nonnegative().default(60_000),
    /** Fraction of the threshold at which a warning is raised; null turns warnings off. */
    warningLevel: fraction('warningLevel').nullable().default(0.8),
    /** How far below a level the value must fall to clear it (fraction of the level): no flapping at the edge. */
    hysteresis: fraction('hysteresis').default(0.05),
    reset: z.enum(['auto', 'manual'], 'must be auto or manual').default('auto'),
    /** Trading state recommended while the rule is in breach. */
    action: z.enum(['ACTIVE', 'REDUCING', 'HALTED'], 'must be ACTIVE, REDUCING or HALTED').default('REDUCING'),
    /** Kind-specific; each kind's file holds its schema. */
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((rule, ctx) => {
    const kind = ruleKindOf(rule.kind);
    if (!kind) return; // reported by the kind enum
    const compiled = kind.compile(rule, rule.params);
    if ('issues' in compiled) for (const issue of compiled.issues) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    if (rule.lookbackMs !== undefined && !kind.supportsLookback) {
      ctx.addIssue({ code: 'custom', path: ['lookbackMs'], message: `is supported by ${LOOKBACK_KINDS} only (other kinds use the service windows)` });
    }
  });

const LOOKBACK_KINDS = RULE_KIND_REGISTRY.filter((k) => k.supportsLookback)
  .map((k) => k.kind)
  .join(', ');

export const RuleSetSchema = z.array(RuleSchema);

/** Checked on the raw input so a duplicate is reported even when other fields of the set are invalid. */
function duplicateIds(json: unknown): Array<{ field: string; reason: string }> {
  if (!Array.isArray(json)) return [];
  const seen = new Set<string>();
  const errors: Array<{ field: string; reason: string }> = [];
  json.forEach((item: unknown, i) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id)) errors.push({ field: `rules[${i}].id`, reason: `duplicates rule id "${id}"` });
    seen.add(id);
  });
  return errors;
}

export type RuleJson = z.input<typeof RuleSchema>;

/** A validated rule with its levels parsed once, so evaluation never parses decimals. */
export interface RuleDefinition extends Omit<z.output<typeof RuleSchema>, 'threshold' | 'kind' | 'params'> {
  readonly kind: RuleKind;
  /** The params as the kind's schema parsed them (defaults filled). */
  readonly params: unknown;
  /** The kind's observation bound to this rule's params. */
  readonly observation: RuleObservation;
  readonly threshold: Usd;
  readonly thresholdText: string;
  readonly warningAt: Usd | null;
  /** Below these a breach / warning clears (the level less the hysteresis), precomputed for the hot path. */
  readonly breachClearsBelow: Usd;
  readonly warningClearsBelow: Usd | null;
}

export class RuleSetError extends Error {
  constructor(readonly errors: ReadonlyArray<{ field: string; reason: string }>) {
    super(`invalid rules: ${errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`);
    this.name = 'RuleSetError';
  }
}

const fieldOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : `${out}.${String(seg)}`), 'rules');

/** Validates rule JSON; throws a RuleSetError naming every offending field (e.g. `rules[3].threshold`). */
export function parseRules(json: unknown): RuleDefinition[] {
  const result = RuleSetSchema.safeParse(json);
  const duplicates = duplicateIds(json);
  if (!result.success || duplicates.length > 0) {
    const issues = result.success ? [] : result.error.issues;
    throw new RuleSetError([
      ...issues.map((i) => ({
        field: fieldOf(i.path),
        reason: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
      })),
      ...duplicates,
    ]);
  }
  return result.data.map((r) => {
    const compiled = (ruleKindOf(r.kind) as RegisteredRuleKind).compile(r, r.params);
    if ('issues' in compiled) throw new Error(`rule ${r.id} passed the schema but not its kind`); // unreachable: the schema ran compile
    const threshold = new Usd(r.threshold);
    const keep = new Usd(1).sub(r.hysteresis);
    const warningAt = r.warningLevel ? threshold.mul(r.warningLevel) : null;
    return {
      ...r,
      params: compiled.params,
      observation: compiled.observation,
      threshold,
      thresholdText: r.threshold,
      warningAt,
      breachClearsBelow: threshold.mul(keep),
      warningClearsBelow: warningAt === null ? null : warningAt.mul(keep),
    };
  });
}
