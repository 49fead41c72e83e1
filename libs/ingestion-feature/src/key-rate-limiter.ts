/** What a request costs against its key's budget: allowed, or refused with how long until one more would be. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per API key: `ratePerSecond` requests a second sustained, bursts up to one second's worth. A
 * producer flooding with its key is refused (429) while every other key keeps its own budget. Per instance: N
 * ingestion replicas admit up to N times the rate, which bounds a flood per replica, the thing that protects the
 * replica's neighbours.
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `rateOf(key)`: the key's requests per second; 0 means unlimited. */
  constructor(private readonly rateOf: (key: string) => number) {}

  take(key: string, nowMs: number): RateDecision {
    const rate = this.rateOf(key);
    if (rate <= 0) return { allowed: true };
    const perMs = rate / 1_000;
    const bucket = this.buckets.get(key) ?? { tokens: rate, at: nowMs };
    bucket.tokens = Math.min(rate, bucket.tokens + Math.max(0, nowMs - bucket.at) * perMs);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) };
  }
}

/** Parses `key=rate,key=rate` (INGESTION_RATE_LIMITS) into a lookup falling back to `defaultRate`. */
export function keyRates(defaultRate: number, overrides: ReadonlyMap<string, number>): (key: string) => number {
  return (key) => overrides.get(key) ?? defaultRate;
}
