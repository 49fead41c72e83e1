import type { ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';
import type { VarFiguresUsd } from '../metrics/var-figures';
import type { RiskWorkspace } from '../metrics/risk-workspace';
import { formatDecimal, Usd } from '../money/usd';
import { assessUserRisk, type AssessedPosition, type UserRiskAssessment } from '../risk-model/assess-user-risk';
import type { MarketModel } from '../risk-model/market-model';
import type { Evaluation, RuleEngine } from '../rules/rule-engine';
import type { StressScenario } from '../stress/stress-scenario';
import type { UserRiskState } from '../user-risk/user-risk-state';
import { assessedPositionsOf } from './exposure-observation';
import { riskViewOf } from './risk-view-of';
import { toRiskMetrics, type MetricsCoverage } from './risk-metrics.wire';

/** Monte Carlo figures from the last finished run, and the asOf of the book they were computed for. */
export interface KeptMonteCarlo {
  readonly figures: VarFiguresUsd;
  readonly asOf: number;
}

export interface ExposureEvaluationInput {
  /** The exposure update judged (its user's state has already observed it). */
  readonly update: ExposureUpdate;
  readonly state: UserRiskState;
  readonly market: MarketModel;
  readonly scenarios: readonly StressScenario[];
  /** Holds the user's rule states; evaluating moves them (a what-if passes an engine of its own). */
  readonly engine: RuleEngine;
  readonly lookbacks: readonly number[];
  readonly barMs: number;
  readonly monteCarlo: KeptMonteCarlo | null;
  readonly coverage: Omit<MetricsCoverage, 'monteCarloAsOf'>;
  readonly workspace?: RiskWorkspace;
}

export interface ExposureEvaluation {
  readonly positions: AssessedPosition[];
  /** The figures before any Monte Carlo figures were added (parametric null: nothing can be simulated). */
  readonly assessed: UserRiskAssessment;
  readonly evaluation: Evaluation;
  readonly metrics: RiskMetrics;
}

/**
 * Figures and rules on one exposure update: the step the live engine, the pre-trade check and replay share, so the
 * three judge a book with the same arithmetic. Monte Carlo figures are never computed here: the caller passes the
 * last run's, and they are dropped when the book cannot be simulated (no covariance).
 */
export function evaluateExposure(input: ExposureEvaluationInput): ExposureEvaluation {
  const { update } = input;
  const positions = assessedPositionsOf(update);
  const assessed = assessUserRisk({
    asOf: update.asOf,
    positions,
    grossUsd: new Usd(update.grossExposureUsd),
    oldestPriceAt: update.oldestPriceAt,
    state: input.state,
    market: input.market,
    scenarios: input.scenarios,
    ...(input.workspace ? { workspace: input.workspace } : {}),
  });
  const kept = assessed.parametric === null ? null : input.monteCarlo;
  const assessment: UserRiskAssessment = { ...assessed, monteCarlo: kept?.figures ?? null };
  const evaluation = input.engine.evaluate(riskViewOf(update, assessment, input.state, input.lookbacks, input.barMs));
  const metrics = toRiskMetrics(
    update,
    assessment,
    evaluation.tradingState,
    evaluation.statuses.map((s) => ({
      ruleId: s.ruleId,
      kind: s.kind,
      level: s.level,
      observed: s.observed === null ? null : formatDecimal(s.observed, 10),
      threshold: formatDecimal(s.threshold, 10),
    })),
    { ...input.coverage, monteCarloAsOf: kept?.asOf ?? null },
  );
  return { positions, assessed, evaluation, metrics };
}
