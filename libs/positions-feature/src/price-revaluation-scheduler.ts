import { tokenKey, type TokenKey } from '@hyperdex/risk-core';
import type { PriceCause } from './cause-folding';
import type { RevaluationSchedule } from './revaluation-schedule';

/** After a failed flush (broker down), the marks are retried no sooner than this, even with an interval of 0. */
const RETRY_AFTER_FAILURE_MS = 1_000;

/** Publishes the updates of the given users (taking their marks with `take`); rejects when nothing was published. */
export type RevalueUsers = (userIds: readonly string[]) => Promise<void>;

/**
 * Price moves mark holders "dirty" instead of publishing at once: a tick on a token held by 10,000 users would
 * otherwise put 10,000 updates on the wire per tick. Each flush publishes one update per dirty user (valued then, at
 * the latest prices, naming every token that moved), in runs of `batchSize` users one after another, and flushes
 * are at least `intervalMs` apart, so a user gets at most one price-driven update per interval. A ledger update
 * takes the user's marks (`take`) and carries them, so a trade is never delayed by this.
 */
export class PriceRevaluationScheduler {
  /** Per user, the tokens that moved since the user's last update, in order of first move. */
  private readonly dirty = new Map<string, Map<TokenKey, PriceCause>>();
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly schedule: RevaluationSchedule,
    private readonly revalue: RevalueUsers,
    private readonly onFailure: (error: unknown, userIds: readonly string[]) => void,
  ) {
    if (!Number.isInteger(schedule.batchSize) || schedule.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  }

  get pendingUsers(): number {
    return this.dirty.size;
  }

  markDirty(userId: string, cause: PriceCause): void {
    let moved = this.dirty.get(userId);
    if (!moved) this.dirty.set(userId, (moved = new Map()));
    moved.set(tokenKey(cause.chainId, cause.token), cause);
    this.arm(this.schedule.intervalMs);
  }

  /** Removes and returns the user's pending price causes (empty when none). */
  take(userId: string): PriceCause[] {
    const moved = this.dirty.get(userId);
    if (!moved) return [];
    this.dirty.delete(userId);
    return [...moved.values()];
  }

  /** Puts back causes whose update could not be published, ahead of any that arrived meanwhile. */
  restore(userId: string, causes: readonly PriceCause[]): void {
    if (causes.length === 0) return;
    const merged = new Map<TokenKey, PriceCause>(causes.map((c) => [tokenKey(c.chainId, c.token), c]));
    for (const [key, cause] of this.dirty.get(userId) ?? []) merged.set(key, cause);
    this.dirty.set(userId, merged);
    this.arm(Math.max(this.schedule.intervalMs, RETRY_AFTER_FAILURE_MS));
  }

  /**
   * Publishes every user dirty now (those marked while it runs wait for the next flush). Flushes never overlap: a
   * call made during one runs after it. A failed run is reported, its users stay dirty and are retried later.
   */
  flushNow(): Promise<void> {
    const run = this.queue.then(() => this.flush());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** No more timers; pending marks are dropped (the next trade or tick of those users publishes anyway). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    let failed = false;
    try {
      const userIds = [...this.dirty.keys()];
      for (let start = 0; start < userIds.length && !this.stopped; start += this.schedule.batchSize) {
        const batch = userIds.slice(start, start + this.schedule.batchSize);
        try {
          await this.revalue(batch);
        } catch (error) {
          // The rest would fail alike (the broker is down); they stay dirty and go with the retry.
          failed = true;
          this.onFailure(error, batch);
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
    if (this.dirty.size > 0) this.arm(failed ? Math.max(this.schedule.intervalMs, RETRY_AFTER_FAILURE_MS) : this.schedule.intervalMs);
  }

  /**
   * Schedules the next flush unless one is already scheduled or running (a running flush re-arms when it ends, so
   * flushes stay an interval apart). With an interval of 0 the owner flushes after each prices chunk instead.
   */
  private arm(delayMs: number): void {
    if (this.stopped || this.timer || this.flushing || delayMs === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flushNow();
    }, delayMs);
    // A pending revaluation must not keep a stopping process alive.
    this.timer.unref();
  }
}
