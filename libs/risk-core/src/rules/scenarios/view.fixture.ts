import { Usd } from '../../money/usd';
import { parseRules, type RuleJson } from '../rule-definition';
import type { UserRiskView } from '../user-risk-view';

/** Pinned clock for rule scenarios. */
export const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);

/** A calm user: every figure present, nothing near a limit; override what the scenario moves. */
export function view(overrides: Partial<UserRiskView> = {}): UserRiskView {
  return {
    userId: 'alice',
    asOf: T0,
    grossExposureUsd: new Usd(1000),
    largestShare: new Usd('0.2'),
    herfindahl: new Usd('0.2'),
    drawdown: new Usd(0),
    maxDrawdown: new Usd(0),
    valueAtRisk: {
      historical95: new Usd(10),
      historical99: new Usd(20),
      parametric95: new Usd(10),
      parametric99: new Usd(20),
      monteCarlo95: new Usd(10),
      monteCarlo99: new Usd(20),
    },
    consecutiveLosses: 0,
    dailyPnlUsd: new Usd(0),
    stressLossUsd: new Map(),
    unpricedCount: 0,
    unpricedShareOfPositions: new Usd(0),
    oldestPriceAt: T0,
    tradeCount: 100,
    equityPoints: 100,
    returnPoints: 100,
    ...overrides,
  };
}

export const rule = (overrides: Partial<RuleJson> & Pick<RuleJson, 'kind' | 'threshold'>): RuleJson => ({
  id: overrides.kind.toLowerCase(),
  severity: 'critical',
  scope: { type: 'global' },
  ...overrides,
});

export const rules = (...json: RuleJson[]) => parseRules(json);
