import type { PriceTick } from '@hyperdex/contracts';

/** A tick as it was received, in the order the live services applied it. */
export interface StoredPriceTick {
  readonly tick: PriceTick;
  /** Epoch ms when the risk service first received it. */
  readonly receivedAt: number;
}

/** The history of prices the risk service received (the prices topic keeps only the latest per token). */
export abstract class PriceHistoryRepository {
  /** Records ticks received now; a tick already kept (same token, time and source) is left as it was. */
  abstract record(ticks: readonly PriceTick[]): Promise<void>;

  /** Ticks received up to `to` (epoch ms), in the order received (ties: tick time, then token). */
  abstract loadUntil(to: number): Promise<StoredPriceTick[]>;

  /**
   * The market's recent bars as ticks, to rebuild the risk service's market model after a restart: of every token,
   * the last tick of each `barMs` bar from `bars` bars before the market clock's bar (that of the newest tick
   * kept) through that bar, in tick-time order. A bar's close is its last tick, so feeding these rebuilds the same closes as the live ticks did.
   */
  abstract loadRecentBars(barMs: number, bars: number): Promise<PriceTick[]>;
}
