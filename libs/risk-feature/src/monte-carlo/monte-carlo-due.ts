import type { VarFiguresUsd } from '@hyperdex/risk-core';

/** Monte Carlo figures kept with a user, and the book (its exposure update's asOf) they were computed for. */
export interface MonteCarloFigures {
  readonly figures: VarFiguresUsd;
  readonly asOf: number;
}

/** A user's Monte Carlo bookkeeping, in memory only: after a reload the first evaluation requests a fresh run. */
export interface MonteCarloTracking {
  /** Bumped whenever an update changed the holdings (any cause but a price move). */
  bookVersion: number;
  /** The book version of the last requested run; null when none was requested. */
  requestedForBook: number | null;
  /** asOf of the update the last run was requested for. */
  requestedAt: number | null;
  /** A run is queued or running: never two at once for a user. */
  pending: boolean;
  /** The latest finished figures; null while none exist for a book the user still holds. */
  latest: MonteCarloFigures | null;
}

export const newMonteCarloTracking = (): MonteCarloTracking => ({ bookVersion: 0, requestedForBook: null, requestedAt: null, pending: false, latest: null });

/**
 * A run is due when none is in flight and either the current book never had one (a trade, transfer or retraction
 * changed it) or `intervalMs` passed since the last one (prices moved the values of the same holdings).
 */
export function isMonteCarloDue(tracking: MonteCarloTracking, asOf: number, intervalMs: number): boolean {
  if (tracking.pending) return false;
  if (tracking.requestedForBook !== tracking.bookVersion || tracking.requestedAt === null) return true;
  return asOf - tracking.requestedAt >= intervalMs;
}
