import type { Usd } from '../money/usd';

/** What the rule engine knows about one user at one moment. Null figures lack data and are never evaluated as zero. */
export interface UserRiskView {
  readonly userId: string;
  /** Epoch ms; the engine never reads the clock (cooldowns and staleness are measured against this). */
  readonly asOf: number;
  readonly grossExposureUsd: Usd;
  readonly largestShare: Usd | null;
  readonly herfindahl: Usd | null;
  /** Current drawdown of the equity index, in [0, 1]. */
  readonly drawdown: Usd | null;
  readonly maxDrawdown: Usd | null;
  /** Drawdown within a look-back (ms → fraction), for DrawdownLimit rules that set `lookbackMs`. */
  readonly drawdownWithin?: ReadonlyMap<number, Usd | null>;
  /** Positive USD losses. */
  readonly valueAtRisk: {
    readonly historical95: Usd | null;
    readonly historical99: Usd | null;
    readonly parametric95: Usd | null;
    readonly parametric99: Usd | null;
    readonly monteCarlo95: Usd | null;
    readonly monteCarlo99: Usd | null;
  };
  /** Current losing streak (a win resets it). */
  readonly consecutiveLosses: number;
  /** Today's PnL, negative = loss. */
  readonly dailyPnlUsd: Usd;
  /** Scenario id → USD loss (positive = loss). */
  readonly stressLossUsd: ReadonlyMap<string, Usd>;
  readonly unpricedCount: number;
  /** Unpriced positions / positions held, in [0, 1]. */
  readonly unpricedShareOfPositions: Usd;
  readonly oldestPriceAt: number | null;
  /** Closed trades behind trade statistics. */
  readonly tradeCount: number;
  /** Equity-curve points behind drawdown. */
  readonly equityPoints: number;
  /** Return points behind VaR. */
  readonly returnPoints: number;
}
