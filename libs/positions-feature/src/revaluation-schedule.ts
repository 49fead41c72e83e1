/** How price moves are turned into exposure updates (POSITIONS_PRICE_REVALUE_INTERVAL_MS, POSITIONS_REVALUE_BATCH). */
export interface RevaluationSchedule {
  /** A holder gets at most one price-driven update per interval; 0 publishes right after each prices chunk. */
  readonly intervalMs: number;
  /** Users per publish: a move of a widely held token is published in runs of this size, one after another. */
  readonly batchSize: number;
}

export const REVALUATION_SCHEDULE = Symbol('REVALUATION_SCHEDULE');
