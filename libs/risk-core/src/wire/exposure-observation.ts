import { causesOf, type ExposureUpdate } from '@hyperdex/contracts';
import { Usd } from '../money/usd';
import { parseUsd } from '../money/usd-amount';
import { tokenKey } from '../tokens/token-key';
import type { AssessedPosition } from '../risk-model/assess-user-risk';
import type { ClosedTrade } from '../user-risk/trade-stats';
import type { UserRiskObservation } from '../user-risk/user-risk-state';

/**
 * What the per-user state learns from one exposure update: PnL, capital at risk, and every trade it closed. An update
 * may cover several ledger events (positions folds them under load); each trade cause that closed a position with a
 * known PnL is one closed trade, in the order applied.
 */
export function observationOf(update: ExposureUpdate): UserRiskObservation {
  const closedTrades: ClosedTrade[] = [];
  for (const cause of causesOf(update)) {
    if (cause.kind !== 'trade' || !cause.outcome.closesPosition || cause.outcome.realizedPnlUsd === null) continue;
    closedTrades.push({
      realizedPnlUsd: parseUsd(cause.outcome.realizedPnlUsd),
      notionalUsd: cause.outcome.notionalUsd === null ? null : parseUsd(cause.outcome.notionalUsd),
    });
  }
  return {
    asOf: update.asOf,
    pnlUsd: parseUsd(update.realizedPnlUsd) + parseUsd(update.unrealizedPnlUsd),
    grossUsd: parseUsd(update.grossExposureUsd),
    closedTrades,
  };
}

/** The book as market-risk figures see it: signed USD value per token, null while unpriced. */
export function assessedPositionsOf(update: ExposureUpdate): AssessedPosition[] {
  return update.positions.map((p) => ({
    key: tokenKey(p.chainId, p.token),
    valueUsd: p.valueUsd === null ? null : new Usd(p.valueUsd),
    stablecoin: p.stablecoin,
  }));
}
