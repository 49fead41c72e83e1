import { readFileSync } from 'node:fs';
import { parseRules, parseStressScenario, type RuleDefinition, type RuleJson, type StressScenario } from '@hyperdex/risk-core';
import type { RiskConfig } from './risk.config';

/** The rules and stress scenarios the service evaluates, from files or the documented defaults. */
export interface RiskPolicy {
  readonly rules: RuleDefinition[];
  readonly scenarios: StressScenario[];
}

/**
 * Defaults a desk can live with before it writes its own rules: limits that only a real problem crosses, and
 * warnings (not halts) for data-quality rules. Concentration is left to explicit configuration, since a one-token
 * book is 100% concentrated by design for many traders.
 */
export function defaultRules(config: Pick<RiskConfig, 'RISK_MAX_EXPOSURE_USD' | 'RISK_DAILY_LOSS_LIMIT_USD' | 'RISK_MAX_VAR_USD'>): RuleJson[] {
  const global = { type: 'global' as const };
  return [
    { id: 'max-exposure', kind: 'MaxExposure', threshold: config.RISK_MAX_EXPOSURE_USD, severity: 'critical', scope: global, action: 'REDUCING' },
    { id: 'daily-loss', kind: 'DailyLossLimit', threshold: config.RISK_DAILY_LOSS_LIMIT_USD, severity: 'critical', scope: global, action: 'HALTED', reset: 'manual' },
    { id: 'var-99', kind: 'VarLimit', threshold: config.RISK_MAX_VAR_USD, severity: 'warning', scope: global, params: { method: 'parametric', confidence: 99 } },
    { id: 'drawdown', kind: 'DrawdownLimit', threshold: '0.3', severity: 'critical', scope: global, minSample: 30, action: 'REDUCING' },
    { id: 'losing-streak', kind: 'ConsecutiveLosses', threshold: '5', severity: 'warning', scope: global, action: 'REDUCING' },
    { id: 'stress-volatile-30', kind: 'StressLossLimit', threshold: config.RISK_MAX_VAR_USD, severity: 'warning', scope: global, params: { scenarioId: 'volatile-30' }, action: 'ACTIVE' },
    { id: 'unpriced-share', kind: 'UnpricedExposure', threshold: '0.5', severity: 'warning', scope: global, params: { measure: 'share' }, action: 'ACTIVE', warningLevel: null },
    { id: 'stale-price', kind: 'StalePrice', threshold: '900000', severity: 'warning', scope: global, action: 'ACTIVE', warningLevel: null },
  ];
}

export const DEFAULT_SCENARIOS: StressScenario[] = [
  { id: 'volatile-30', kind: 'volatile-shock', shockPct: -30 },
  { id: 'stablecoin-depeg-10', kind: 'stablecoin-depeg', depegPct: 10 },
  { id: 'correlation-one-99', kind: 'correlation-one', confidence: 0.99 },
];

function readJson(variable: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${variable} ${file}: ${(error as Error).message}`);
  }
}

/** Loads and validates the policy once at start-up; a bad file stops the service with the field and reason. */
export function loadRiskPolicy(config: RiskConfig): RiskPolicy {
  const rulesJson = config.RISK_RULES_FILE ? readJson('RISK_RULES_FILE', config.RISK_RULES_FILE) : defaultRules(config);
  let rules: RuleDefinition[];
  try {
    rules = parseRules(rulesJson);
  } catch (error) {
    throw new Error(`${config.RISK_RULES_FILE ? `RISK_RULES_FILE ${config.RISK_RULES_FILE}` : 'default rules'}: ${(error as Error).message}`);
  }
  const scenariosJson = config.RISK_STRESS_SCENARIOS_FILE ? readJson('RISK_STRESS_SCENARIOS_FILE', config.RISK_STRESS_SCENARIOS_FILE) : DEFAULT_SCENARIOS;
  if (!Array.isArray(scenariosJson)) throw new Error('RISK_STRESS_SCENARIOS_FILE: must hold a JSON array of scenarios');
  const scenarios = scenariosJson.map((s, i) => {
    try {
      return parseStressScenario(s, `scenarios[${i}]`);
    } catch (error) {
      throw new Error(`RISK_STRESS_SCENARIOS_FILE: ${(error as Error).message}`);
    }
  });
  return { rules, scenarios };
}
