import { tradeIdsOf, type Topics } from '@hyperdex/contracts';
import type { InboundEvent } from '@hyperdex/messaging';

export type ExposureEvent = InboundEvent<typeof Topics.positions>;

/** One user's exposure updates within a chunk, in partition order. */
export interface UserUpdates {
  readonly userId: string;
  readonly events: readonly ExposureEvent[];
}

/** What one RiskMetrics says it covers when several exposure updates of a user were folded into one evaluation. */
export interface FoldedUpdates {
  /** The update the figures and rules were computed on. */
  readonly latest: ExposureEvent;
  /** Every update folded in, in order; the last is `latest`. */
  readonly sourceEventIds: string[];
  /** Every trade id those updates covered, first occurrence order, without repeats; absent-worthy when empty. */
  readonly tradeIds: string[];
}

/** The contract bounds both id lists; a longer fold keeps the newest ids (the ones a client still waits for). */
export const MAX_FOLDED_IDS = 10_000;

/**
 * Splits a chunk of one partition by user, keeping each user's updates in partition order. Users come in the order of
 * their first update, so the chunk's output (alerts, metrics) keeps the partition's order between users as far as
 * one evaluation per user allows.
 */
export function groupByUser(events: readonly ExposureEvent[]): UserUpdates[] {
  const byUser = new Map<string, ExposureEvent[]>();
  for (const event of events) {
    const list = byUser.get(event.payload.userId);
    if (list) list.push(event);
    else byUser.set(event.payload.userId, [event]);
  }
  return [...byUser].map(([userId, list]) => ({ userId, events: list }));
}

/** Folds a user's new updates (at least one, in order) into what their one RiskMetrics reports as covered. */
export function foldUpdates(events: readonly ExposureEvent[]): FoldedUpdates {
  const latest = events[events.length - 1];
  if (latest === undefined) throw new Error('foldUpdates needs at least one update');
  // A re-sent trade is republished by positions under the same trade id: report it once.
  const tradeIds = [...new Set(events.flatMap((e) => tradeIdsOf(e.payload)))];
  return {
    latest,
    sourceEventIds: events.slice(-MAX_FOLDED_IDS).map((e) => e.payload.eventId),
    tradeIds: tradeIds.slice(-MAX_FOLDED_IDS),
  };
}
