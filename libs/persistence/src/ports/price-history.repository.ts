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
}
