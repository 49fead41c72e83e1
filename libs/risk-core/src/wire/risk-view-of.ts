import type { ExposureUpdate } from '@hyperdex/contracts';
import { Usd } from '../money/usd';
import { ratioToUsd, type UserRiskAssessment } from '../risk-model/assess-user-risk';
import type { RuleDefinition } from '../rules/rule-definition';
import type { UserRiskView } from '../rules/user-risk-view';
import type { UserRiskState } from '../user-risk/user-risk-state';

/** Every distinct drawdown lookback the rules ask for (each becomes one figure of the view). */
export const drawdownLookbacksOf = (rules: readonly RuleDefinition[]): number[] => [
  ...new Set(rules.flatMap((r) => (r.lookbackMs === undefined ? [] : [r.lookbackMs]))),
];

/**
 * What the rules see of a user: the exposure update as it went on the wire plus the assessed figures. One function
 * for the live engine, the pre-trade check and replay, so all three judge the same numbers.
 */
export function riskViewOf(update: ExposureUpdate, a: UserRiskAssessment, state: UserRiskState, lookbacks: readonly number[], barMs: number): UserRiskView {
  const held = update.positions.length;
  const drawdownWithin = new Map(lookbacks.map((ms) => [ms, ratioToUsd(state.equity.maxDrawdownOverLast(Math.ceil(ms / barMs)))]));
  return {
    userId: update.userId,
    asOf: update.asOf,
    grossExposureUsd: new Usd(update.grossExposureUsd),
    largestShare: a.largestShare,
    herfindahl: a.herfindahl,
    drawdown: ratioToUsd(a.currentDrawdown),
    maxDrawdown: ratioToUsd(a.maxDrawdown),
    drawdownWithin,
    valueAtRisk: {
      historical95: a.historical?.var95Usd ?? null,
      historical99: a.historical?.var99Usd ?? null,
      parametric95: a.parametric?.var95Usd ?? null,
      parametric99: a.parametric?.var99Usd ?? null,
      monteCarlo95: a.monteCarlo?.var95Usd ?? null,
      monteCarlo99: a.monteCarlo?.var99Usd ?? null,
    },
    consecutiveLosses: a.consecutiveLosses,
    dailyPnlUsd: a.dailyPnlUsd,
    stressLossUsd: new Map(a.stress.map((s) => [s.scenarioId, s.lossUsd])),
    unpricedCount: update.unpriced.length,
    unpricedShareOfPositions: held === 0 ? new Usd(0) : new Usd(update.unpriced.length).div(held),
    oldestPriceAt: update.oldestPriceAt,
    tradeCount: a.closedTrades,
    equityPoints: a.equityPoints,
    returnPoints: a.returnPoints,
  };
}
