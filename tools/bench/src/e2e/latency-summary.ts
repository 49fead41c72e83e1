/**
 * p50/p99/max of a latency sample, in ms. Events that never arrived are part of the distribution, not left out:
 * they are counted as later than anything measured, so a p99 that falls among them is `null` ("beyond the wait"),
 * never a flattering figure computed over the survivors only.
 */
export interface LatencySummary {
  /** Measured (arrived) samples. */
  readonly count: number;
  /** Expected events that did not arrive within the wait. */
  readonly missing: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Largest measured sample; the missing ones are later still. */
  readonly maxMs: number | null;
}

export function summarizeLatencies(samples: readonly number[], missing = 0): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const total = sorted.length + missing;
  // Nearest rank, as ../percentile defines it, over arrived + missing with the missing ones ranked last.
  const at = (p: number): number | null => {
    if (total === 0) return null;
    const rank = Math.ceil((p / 100) * total);
    return rank <= sorted.length ? (sorted[rank - 1] as number) : null;
  };
  return {
    count: sorted.length,
    missing,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: sorted.length ? (sorted[sorted.length - 1] as number) : null,
  };
}

/** A figure for the table: `12.3 ms`, `>30 s` when beyond the wait, `–` when nothing was expected. */
export function formatMs(ms: number | null, beyond?: string): string {
  if (ms === null) return beyond ?? '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}
