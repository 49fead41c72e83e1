import { summarizeLatencies, type LatencySummary } from './latency-summary';

/** The latency of the trades sent in one window of the phase. */
export interface TimelineWindow {
  /** Seconds from the phase's first send to the window's start. */
  readonly fromSecond: number;
  readonly toSecond: number;
  readonly latency: LatencySummary;
}

export interface TimedSample {
  /** When the trade was sent (epoch ms). */
  readonly sentAt: number;
  /** When its event arrived, or undefined if it never did. */
  readonly arrivedAt: number | undefined;
}

/**
 * Latency by when the trade was sent, in `windows` equal slices of the phase. It tells an overload from a stall: a
 * stack slower than the offered rate queues, so each window is later than the one before; a stall (a GC pause, a
 * rebalance, dropped connections) lifts one window and the next ones recover.
 */
export function latencyTimeline(samples: readonly TimedSample[], windows: number): TimelineWindow[] {
  if (samples.length === 0 || windows < 1) return [];
  const start = Math.min(...samples.map((s) => s.sentAt));
  const end = Math.max(...samples.map((s) => s.sentAt));
  const width = Math.max(1, (end - start) / windows);
  const buckets = Array.from({ length: windows }, () => ({ arrived: [] as number[], missing: 0 }));
  for (const s of samples) {
    const bucket = buckets[Math.min(windows - 1, Math.floor((s.sentAt - start) / width))] as (typeof buckets)[number];
    if (s.arrivedAt === undefined) bucket.missing++;
    else bucket.arrived.push(s.arrivedAt - s.sentAt);
  }
  return buckets.map((b, i) => ({
    fromSecond: (i * width) / 1000,
    toSecond: ((i + 1) * width) / 1000,
    latency: summarizeLatencies(b.arrived, b.missing),
  }));
}
