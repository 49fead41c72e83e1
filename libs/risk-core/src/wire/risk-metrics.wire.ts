import type { ExposureUpdate, RiskMetrics, TradingState } from '@hyperdex/contracts';
import { formatDecimal } from '../money/usd';
import { ratioToUsd, type UserRiskAssessment } from '../risk-model/assess-user-risk';
import type { VarFiguresUsd } from '../metrics/var-figures';

const usd = (v: Parameters<typeof formatDecimal>[0] | null): string | null => (v === null ? null : formatDecimal(v));
const fraction = (v: number | null): string | null => {
  const d = ratioToUsd(v);
  return d === null ? null : formatDecimal(d, 10);
};
const varFigures = (f: VarFiguresUsd | null) =>
  f === null ? null : { var95Usd: formatDecimal(f.var95Usd), var99Usd: formatDecimal(f.var99Usd), es95Usd: formatDecimal(f.es95Usd), es99Usd: formatDecimal(f.es99Usd) };

/** What one evaluation covered beyond its latest update, and how old its Monte Carlo figures are. */
export interface MetricsCoverage {
  /** The id the metrics event goes out under. */
  readonly eventId: string;
  /** Every exposure update folded in, in order; the last is the update the figures were computed on. */
  readonly sourceEventIds: readonly string[];
  /** Every trade id those updates covered (omitted on the wire when empty). */
  readonly tradeIds: readonly string[];
  /** asOf of the book the Monte Carlo figures in the assessment were computed for; null without figures. */
  readonly monteCarloAsOf: number | null;
}

/** Puts one assessment on the wire: USD to 8 places, fractions and ratios to 10. */
export function toRiskMetrics(
  update: ExposureUpdate,
  a: UserRiskAssessment,
  tradingState: TradingState,
  rules: RiskMetrics['rules'],
  coverage: MetricsCoverage,
): RiskMetrics {
  return {
    eventId: coverage.eventId,
    userId: update.userId,
    asOf: a.asOf,
    sourceEventId: update.eventId,
    sourceEventIds: [...coverage.sourceEventIds],
    ...(coverage.tradeIds.length > 0 ? { tradeIds: [...coverage.tradeIds] } : {}),
    grossExposureUsd: update.grossExposureUsd,
    netExposureUsd: update.netExposureUsd,
    concentration: {
      largestShare: a.largestShare === null ? null : formatDecimal(a.largestShare, 10),
      herfindahl: a.herfindahl === null ? null : formatDecimal(a.herfindahl, 10),
    },
    valueAtRisk: {
      historical: varFigures(a.historical),
      parametric: varFigures(a.parametric),
      monteCarlo: varFigures(a.monteCarlo),
      monteCarloAsOf: a.monteCarlo === null ? null : coverage.monteCarloAsOf,
      returnPoints: a.returnPoints,
    },
    drawdown: { current: fraction(a.currentDrawdown), max: fraction(a.maxDrawdown), equityPoints: a.equityPoints },
    performance: { sharpe: fraction(a.sharpe), sortino: fraction(a.sortino) },
    trades: {
      closedTrades: a.closedTrades,
      winRate: fraction(a.winRate),
      averageTradeSizeUsd: usd(a.averageTradeSizeUsd),
      consecutiveLosses: a.consecutiveLosses,
      maxConsecutiveLosses: a.maxConsecutiveLosses,
    },
    dailyPnlUsd: formatDecimal(a.dailyPnlUsd),
    realizedPnlUsd: update.realizedPnlUsd,
    unrealizedPnlUsd: update.unrealizedPnlUsd,
    stress: a.stress.map((s) => ({ scenarioId: s.scenarioId, lossUsd: formatDecimal(s.lossUsd) })),
    tradingState,
    rules,
    oldestPriceAt: a.oldestPriceAt,
  };
}
