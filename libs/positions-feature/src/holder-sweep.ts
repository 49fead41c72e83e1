import { tokenKey, type TokenKey } from '@hyperdex/risk-core';
import type { PriceCause } from './cause-folding';

/** Loads the holders of the given tokens that are not in memory and marks them for revaluation. */
export type SweepTokens = (causes: readonly PriceCause[]) => Promise<void>;

/**
 * Price ticks revalue the holders in memory at once; holders that are not (after a restart, a rebalance, an
 * eviction) have to be found in the ledger and loaded first. That runs here, off the prices consumer: the tokens that
 * move during one sweep are coalesced into the next, so a burst of ticks costs one sweep per token, not one per tick,
 * and at most one sweep runs at a time. A failed sweep keeps its tokens for the next tick rather than spinning.
 */
export class HolderSweep {
  private pending = new Map<TokenKey, PriceCause>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly sweepTokens: SweepTokens,
    private readonly onFailure: (error: unknown, causes: readonly PriceCause[]) => void,
  ) {}

  request(cause: PriceCause): void {
    this.pending.set(tokenKey(cause.chainId, cause.token), cause);
    this.running ??= this.drain();
  }

  /** Resolves once no sweep is running (for tests and benches). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const causes = [...this.pending.values()];
        this.pending = new Map();
        try {
          await this.sweepTokens(causes);
        } catch (error) {
          for (const cause of causes) {
            const key = tokenKey(cause.chainId, cause.token);
            if (!this.pending.has(key)) this.pending.set(key, cause);
          }
          this.onFailure(error, causes);
          return;
        }
      }
    } finally {
      this.running = null;
    }
  }
}
