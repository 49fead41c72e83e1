import { tokenKey, type PositionBook, type TokenKey } from '@hyperdex/risk-core';

interface Entry {
  book: PositionBook;
  /** The trades partition the user's events arrive on; only its current owner may keep the user. */
  partition: number;
}

/**
 * The users this instance is serving, in memory, with an index of who holds each token so a price tick
 * revalues only them. Bounded (least recently used leaves first) and partition-aware: after a rebalance the
 * users of partitions now owned by another instance are dropped, because their next trades will be applied
 * there and a copy kept here would go stale. The PostgreSQL ledger stays the truth; an evicted user reloads.
 */
export class PositionBookCache {
  private readonly entries = new Map<string, Entry>();
  private readonly holders = new Map<TokenKey, Set<string>>();

  constructor(private readonly maxUsers: number) {
    if (!Number.isInteger(maxUsers) || maxUsers < 1) throw new RangeError('maxUsers must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  get(userId: string): PositionBook | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    // Map order is insertion order: re-inserting marks the user most recently used.
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    return entry.book;
  }

  /** The user's book without marking them recently used: price revaluations must not keep idle users cached. */
  peek(userId: string): PositionBook | undefined {
    return this.entries.get(userId)?.book;
  }

  /** Drops a user, whose next event reloads them from the ledger (after a failure left their book in doubt). */
  forget(userId: string): void {
    this.evict(userId);
  }

  /** Stores or refreshes a user and re-indexes the tokens they hold. */
  put(userId: string, book: PositionBook, partition: number): void {
    this.unindex(userId);
    this.entries.delete(userId);
    this.entries.set(userId, { book, partition });
    for (const { chainId, token, quantity } of book.all()) {
      // Closed positions are not revalued by price ticks.
      if (quantity === 0n) continue;
      const key = tokenKey(chainId, token);
      let set = this.holders.get(key);
      if (!set) this.holders.set(key, (set = new Set()));
      set.add(userId);
    }
    while (this.entries.size > this.maxUsers) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.evict(oldest);
    }
  }

  /** Open (non-zero) positions across the cached users: the token index already holds one entry per position. */
  openPositions(): number {
    let open = 0;
    for (const users of this.holders.values()) open += users.size;
    return open;
  }

  holdersOf(chainId: number, token: string): string[] {
    return [...(this.holders.get(tokenKey(chainId, token)) ?? [])];
  }

  /** Keeps only the users of the given partitions; returns how many were dropped. */
  retainPartitions(partitions: readonly number[]): number {
    const owned = new Set(partitions);
    let dropped = 0;
    for (const [userId, entry] of [...this.entries]) {
      if (!owned.has(entry.partition)) {
        this.evict(userId);
        dropped++;
      }
    }
    return dropped;
  }

  private evict(userId: string): void {
    this.unindex(userId);
    this.entries.delete(userId);
  }

  private unindex(userId: string): void {
    const entry = this.entries.get(userId);
    if (!entry) return;
    for (const { chainId, token } of entry.book.all()) {
      const key = tokenKey(chainId, token);
      const set = this.holders.get(key);
      set?.delete(userId);
      if (set?.size === 0) this.holders.delete(key);
    }
  }
}
