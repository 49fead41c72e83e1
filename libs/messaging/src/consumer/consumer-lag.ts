/** A partition's end offsets as the broker reports them (kafkajs `fetchTopicOffsets`). */
export interface PartitionEnds {
  readonly partition: number;
  readonly high: string;
  readonly low: string;
}

export interface PartitionLag {
  readonly partition: number;
  /** The next offset the group will process. */
  readonly next: number;
  /** Records between it and the high watermark. */
  readonly lag: number;
}

export interface GroupProgress {
  /** The group's committed offsets by partition ('-1': none yet), or null for a group that never commits. */
  readonly committed: ReadonlyMap<number, string> | null;
  /**
   * The last offset this member has processed, by partition (only the partitions it has consumed since joining),
   * snapshotted when the scrape began.
   */
  readonly processed: ReadonlyMap<number, string>;
  /** Where a group without a committed offset starts: the earliest offset, or the high watermark. */
  readonly fromBeginning: boolean;
}

/**
 * Lag per partition: high watermark − the next offset to process. On a partition this member has processed since
 * joining, that is its own progress alone: commits there can only be its own, and a commit fetched after the
 * progress snapshot would describe work newer than the rest of the scrape (an operator could read lag 0 beside a
 * gauge that predates the records). Elsewhere it is the group's commit. A group that never commits is known only on
 * the partitions this member has consumed; a committing group is reported on every partition, so a partition nobody
 * processes shows too.
 */
export function partitionLags(ends: readonly PartitionEnds[], progress: GroupProgress): PartitionLag[] {
  const lags: PartitionLag[] = [];
  for (const { partition, high, low } of ends) {
    const own = progress.processed.get(partition);
    let next: bigint | undefined;
    if (own !== undefined) {
      next = BigInt(own) + 1n;
    } else if (progress.committed) {
      const committed = BigInt(progress.committed.get(partition) ?? '-1');
      next = committed >= 0n ? committed : progress.fromBeginning ? BigInt(low) : BigInt(high);
    }
    if (next === undefined) continue;
    const behind = BigInt(high) - next;
    lags.push({ partition, next: Number(next), lag: behind > 0n ? Number(behind) : 0 });
  }
  return lags;
}
