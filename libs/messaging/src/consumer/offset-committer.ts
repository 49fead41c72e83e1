/** An offset to commit: the next one the group should read on the partition. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Commits a consumer's handled offsets at most every `intervalMs` (0: at once), plus once the stream goes quiet.
 * An offset commit is a request the broker writes to `__consumer_offsets`: committed after every chunk, they were
 * the broker's largest share of work at 1,000 trades/s (JFR: a third of its samples). Committing less often only
 * means a crash or rebalance redelivers up to an interval of handled records, which every handler takes
 * idempotently. Commits are serialised, so a partition's committed offset never moves backwards.
 */
export class OffsetCommitter {
  private pending = new Map<number, string>();
  private lastCommit = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly topic: string,
    private readonly intervalMs: number,
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly onError: (error: unknown, offsets: PartitionOffset[]) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastCommit = now();
  }

  /** Records up to and including `offset` have taken effect; commits when the interval has passed. */
  async handled(partition: number, offset: string): Promise<void> {
    this.pending.set(partition, (BigInt(offset) + 1n).toString());
    if (this.now() - this.lastCommit >= this.intervalMs) return this.flush();
    this.idleTimer ??= setTimeout(() => {
      this.idleTimer = null;
      void this.flush();
    }, Math.max(0, this.intervalMs - (this.now() - this.lastCommit))).unref();
  }

  /** After a rebalance: offsets of partitions this member no longer owns must not overwrite the new owner's. */
  retain(partitions: readonly number[]): void {
    const owned = new Set(partitions);
    for (const partition of [...this.pending.keys()]) if (!owned.has(partition)) this.pending.delete(partition);
  }

  /** Commits everything handled so far (at a rebalance, at shutdown, when the interval is due). */
  flush(): Promise<void> {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.lastCommit = this.now();
    if (this.pending.size === 0) return this.chain;
    const offsets = [...this.pending].map(([partition, offset]) => ({ topic: this.topic, partition, offset }));
    this.pending.clear();
    this.chain = this.chain.then(() => this.commit(offsets).catch((error: unknown) => this.onError(error, offsets)));
    return this.chain;
  }

  /** Offsets handled but not yet sent for commit (a gauge for operators and tests). */
  get uncommitted(): ReadonlyMap<number, string> {
    return this.pending;
  }
}
