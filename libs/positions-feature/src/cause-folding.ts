import type { ExposureCause } from '@hyperdex/contracts';

export type PriceCause = Extract<ExposureCause, { kind: 'price' }>;

/** The most causes one ExposureUpdate may name (the contract's bound on `causes`). */
export const MAX_CAUSES_PER_UPDATE = 10_000;

/**
 * The causes of an update that follows ledger events: the price moves still waiting to be published for that user
 * come first (they happened before, and the update is valued at the latest prices anyway), then the events in the
 * order applied, so `cause` — the last — stays the user's last ledger event, which clients wait for.
 */
export function foldCauses(pendingPrices: readonly PriceCause[], events: readonly ExposureCause[]): ExposureCause[] {
  return [...pendingPrices, ...events];
}

/**
 * Splits causes into runs the contract accepts, in order. Only a pathological chunk (one user with more events than
 * the bound) needs more than one: each run is then published as its own update, all at the same valuation.
 */
export function sliceCauses(causes: readonly ExposureCause[]): ExposureCause[][] {
  const slices: ExposureCause[][] = [];
  for (let start = 0; start < causes.length; start += MAX_CAUSES_PER_UPDATE) slices.push(causes.slice(start, start + MAX_CAUSES_PER_UPDATE));
  return slices;
}
