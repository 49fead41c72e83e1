import type { ExposureUpdate } from '@hyperdex/contracts';

/** When each price tick the feed posted was sent, by token and tick timestamp. */
export class TickLog {
  private readonly sent = new Map<string, number>();

  record(token: string, timestamp: number, sentAt: number): void {
    this.sent.set(`${token}@${timestamp}`, sentAt);
  }

  sentAtOf(token: string, timestamp: number): number | undefined {
    return this.sent.get(`${token}@${timestamp}`);
  }

  get size(): number {
    return this.sent.size;
  }
}

export interface Freshness {
  /** receivedAt − the oldest priceTimestamp among the update's priced volatile positions. */
  readonly ageMs: number | null;
  /**
   * receivedAt − when the feed sent the tick the stalest of those positions is valued at: how far the dashboard
   * trails the feed, pipeline included (ticks the feed did not send, e.g. from an earlier run, are left out).
   */
  readonly feedLagMs: number | null;
}

/**
 * How fresh the prices behind one exposure update were when it reached the dashboard. Stablecoin positions are left
 * out: the feed pins USDC at 1 once, and the age of a pinned price says nothing about the pipeline.
 */
export function freshnessOf(update: Pick<ExposureUpdate, 'positions'>, receivedAt: number, ticks: TickLog): Freshness {
  let oldest = Number.POSITIVE_INFINITY;
  let lag = Number.NEGATIVE_INFINITY;
  for (const p of update.positions) {
    if (p.stablecoin || p.priceUsd === null || p.priceTimestamp === null) continue;
    oldest = Math.min(oldest, p.priceTimestamp);
    const sentAt = ticks.sentAtOf(p.token, p.priceTimestamp);
    if (sentAt !== undefined) lag = Math.max(lag, receivedAt - sentAt);
  }
  return {
    ageMs: Number.isFinite(oldest) ? receivedAt - oldest : null,
    feedLagMs: Number.isFinite(lag) ? lag : null,
  };
}

/** Collects freshness samples of every exposure update received while switched on. */
export class FreshnessCollector {
  readonly ages: number[] = [];
  readonly feedLags: number[] = [];
  active = false;

  constructor(private readonly ticks: TickLog) {}

  exposure(update: Pick<ExposureUpdate, 'positions'>, receivedAt: number): void {
    if (!this.active) return;
    const f = freshnessOf(update, receivedAt, this.ticks);
    if (f.ageMs !== null) this.ages.push(f.ageMs);
    if (f.feedLagMs !== null) this.feedLags.push(f.feedLagMs);
  }
}
