import type { ExposureUpdate } from '@hyperdex/contracts';
import { UserRiskState, observationOf, type UserRiskStateSnapshot } from '@hyperdex/risk-core';
import type { RiskConfig } from './risk.config';
import { SEEN_EVENTS_KEPT } from './risk-user-cache';

/** A user's risk state as the engine stores it: the state, and the ids of the latest updates it observed. */
export interface ReplayedRiskState {
  user: UserRiskStateSnapshot;
  seenEvents: string[];
}

/**
 * The risk state a user's exposure updates lead to from nothing, each update observed once in log order: what the
 * engine must have stored after evaluating them, however they were chunked, redelivered or moved between
 * instances. Checks (the deterministic simulation) compare the stored state with it.
 */
export function replayRiskState(
  updates: readonly ExposureUpdate[],
  config: Pick<RiskConfig, 'RISK_TRADE_WINDOW' | 'RISK_BAR_MS' | 'RISK_HISTORY_POINTS' | 'RISK_RISK_FREE_RATE'>,
): ReplayedRiskState {
  const state = UserRiskState.create({ tradeWindow: config.RISK_TRADE_WINDOW, barMs: config.RISK_BAR_MS, window: config.RISK_HISTORY_POINTS, riskFreeRate: config.RISK_RISK_FREE_RATE });
  const seen = new Set<string>();
  const order: string[] = [];
  for (const update of updates) {
    if (seen.has(update.eventId)) continue;
    seen.add(update.eventId);
    order.push(update.eventId);
    state.observe(observationOf(update));
  }
  return { user: state.snapshot(), seenEvents: order.slice(-SEEN_EVENTS_KEPT) };
}
