import { computePortfolioRisk } from '../metrics/portfolio-risk';
import type { MonteCarloOptions } from '../metrics/monte-carlo-portfolio-var';
import { RiskWorkspace } from '../metrics/risk-workspace';
import type { VarFiguresUsd } from '../metrics/var-figures';
import { Usd, amountToUsd, type Usd as UsdValue } from '../money/usd';
import { runStress } from '../stress/run-stress';
import { scenarioIdOf, type StressScenario } from '../stress/stress-scenario';
import type { TokenKey } from '../tokens/token-key';
import type { UserRiskState } from '../user-risk/user-risk-state';
import type { MarketModel } from './market-model';

export interface AssessedPosition {
  readonly key: TokenKey;
  /** Signed USD value; null while the token is unpriced (it then takes no part in VaR or stress). */
  readonly valueUsd: UsdValue | null;
  readonly stablecoin: boolean;
}

export interface UserRiskInput {
  readonly asOf: number;
  readonly positions: readonly AssessedPosition[];
  readonly grossUsd: UsdValue;
  readonly oldestPriceAt: number | null;
  readonly state: UserRiskState;
  readonly market: MarketModel;
  readonly scenarios: readonly StressScenario[];
  /** Monte Carlo runs only when given (it costs milliseconds, so callers throttle it). */
  readonly monteCarlo?: MonteCarloOptions;
  readonly workspace?: RiskWorkspace;
}

/** Every figure of one user at one moment; null where the data to compute it is missing, never a made-up zero. */
export interface UserRiskAssessment {
  readonly asOf: number;
  readonly oldestPriceAt: number | null;
  readonly largestShare: UsdValue | null;
  readonly herfindahl: UsdValue | null;
  readonly historical: VarFiguresUsd | null;
  readonly parametric: VarFiguresUsd | null;
  readonly monteCarlo: VarFiguresUsd | null;
  readonly returnPoints: number;
  readonly currentDrawdown: number | null;
  readonly maxDrawdown: number | null;
  readonly equityPoints: number;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly closedTrades: number;
  readonly winRate: number | null;
  readonly averageTradeSizeUsd: UsdValue | null;
  readonly consecutiveLosses: number;
  readonly maxConsecutiveLosses: number;
  readonly dailyPnlUsd: UsdValue;
  readonly stress: ReadonlyArray<{ readonly scenarioId: string; readonly lossUsd: UsdValue }>;
}

const sharedWorkspace = new RiskWorkspace();

export type PricedPosition = AssessedPosition & { readonly valueUsd: UsdValue };

/** The positions market-risk figures cover: priced and non-zero, in book order (the order of the covariance). */
export function pricedPositionsOf(positions: readonly AssessedPosition[]): PricedPosition[] {
  return positions.filter((p): p is PricedPosition => p.valueUsd !== null && !p.valueUsd.isZero());
}

/**
 * Computes a user's figures: market risk of today's book over the shared return history (concentration, VaR/ES three
 * ways), the user's own performance from their equity index and trade stats (drawdown, Sharpe, Sortino, win rate,
 * streaks, daily PnL), and the stress scenarios. Cost: O(k²) for k priced tokens plus O(k·T) for the historical VaR
 * once the market window is cached; Monte Carlo adds O(paths·k) when asked for.
 */
export function assessUserRisk(input: UserRiskInput): UserRiskAssessment {
  const priced = pricedPositionsOf(input.positions);
  const keys = priced.map((p) => p.key);
  const window = input.market.window(keys);
  const risk = computePortfolioRisk(
    {
      valuesUsd: priced.map((p) => p.valueUsd),
      returns: window.columns,
      points: window.points,
      asOf: input.asOf,
      oldestPriceAt: input.oldestPriceAt,
      ...(window.covariance ? { covariance: window.covariance } : {}),
      ...(input.monteCarlo ? { monteCarlo: input.monteCarlo } : {}),
    },
    input.workspace ?? sharedWorkspace,
  );
  const hasCovariance = window.covariance !== null;

  const stressBook = priced.map((p) => ({ key: p.key, valueUsd: p.valueUsd, stablecoin: p.stablecoin }));
  const stress = input.scenarios.map((scenario) => {
    const result = runStress(stressBook, scenario, window.volatilities);
    return { scenarioId: scenarioIdOf(scenario), lossUsd: result.lossUsd };
  });

  const { trades, equity, daily } = input.state;
  const averageTradeSize = trades.averageTradeSizeUsd;
  return {
    asOf: input.asOf,
    oldestPriceAt: input.oldestPriceAt,
    largestShare: risk.concentration?.largestShare ?? null,
    herfindahl: risk.concentration?.herfindahl ?? null,
    historical: risk.historical,
    parametric: hasCovariance ? risk.parametric : null,
    monteCarlo: hasCovariance ? risk.monteCarlo : null,
    returnPoints: risk.returnPoints,
    currentDrawdown: equity.currentDrawdown,
    maxDrawdown: equity.maxDrawdown,
    equityPoints: equity.points,
    sharpe: equity.sharpe,
    sortino: equity.sortino,
    closedTrades: trades.closedTrades,
    winRate: trades.winRate,
    averageTradeSizeUsd: averageTradeSize === null ? null : amountToUsd(averageTradeSize),
    consecutiveLosses: trades.consecutiveLosses,
    maxConsecutiveLosses: trades.maxConsecutiveLosses,
    dailyPnlUsd: amountToUsd(daily.valueUsd),
    stress,
  };
}

/** A float statistic as a Decimal for rules and the wire (15 significant digits, the precision it carries). */
export const ratioToUsd = (value: number | null): UsdValue | null => (value === null ? null : new Usd(value.toPrecision(15)));
