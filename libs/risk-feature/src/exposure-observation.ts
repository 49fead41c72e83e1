import type { ExposureUpdate } from '@hyperdex/contracts';
import { Usd, parseUsd, tokenKey, type AssessedPosition, type UserRiskObservation } from '@hyperdex/risk-core';

/** What the per-user state learns from one exposure update: PnL, capital at risk, and a closed trade if any. */
export function observationOf(update: ExposureUpdate): UserRiskObservation {
  const cause = update.cause;
  const closed =
    cause.kind === 'trade' && cause.outcome.closesPosition && cause.outcome.realizedPnlUsd !== null
      ? {
          realizedPnlUsd: parseUsd(cause.outcome.realizedPnlUsd),
          notionalUsd: cause.outcome.notionalUsd === null ? null : parseUsd(cause.outcome.notionalUsd),
        }
      : undefined;
  return {
    asOf: update.asOf,
    pnlUsd: parseUsd(update.realizedPnlUsd) + parseUsd(update.unrealizedPnlUsd),
    grossUsd: parseUsd(update.grossExposureUsd),
    ...(closed ? { closedTrade: closed } : {}),
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
