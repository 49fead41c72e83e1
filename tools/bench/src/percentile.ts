/**
 * Nearest-rank percentile of an ascending-sorted sample (the definition HdrHistogram and most latency tools report):
 * the smallest value such that at least p% of the sample is ≤ it.
 */
export function percentile(sortedAscending: Float64Array | readonly number[], p: number): number {
  if (sortedAscending.length === 0) throw new Error('percentile of an empty sample');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile p must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[rank - 1] as number;
}
