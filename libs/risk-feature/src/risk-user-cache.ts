import type { ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';
import type { UserRiskState } from '@hyperdex/risk-core';
import type { MonteCarloTracking } from './monte-carlo/monte-carlo-due';

export interface CachedRiskUser {
  readonly state: UserRiskState;
  /** Exposure event ids already observed (most recent last), so a redelivered update is not counted twice. */
  readonly seenEvents: string[];
  /** Monte Carlo requests and the latest figures (in memory only). */
  readonly monteCarlo: MonteCarloTracking;
  /** The last metrics published for the user (in memory only), republished with a new trading state on an acknowledgement. */
  lastMetrics?: RiskMetrics;
  /** The last exposure update evaluated (in memory only): how old the state a pre-trade check starts from is. */
  lastUpdate?: ExposureUpdate;
}

export const SEEN_EVENTS_KEPT = 64;

/**
 * Users in memory, least recently used evicted first; the evicted reload their saved state from PostgreSQL. Each user
 * remembers the positions partition it came from, so the users of a partition that moved elsewhere can be dropped.
 */
export class RiskUserCache {
  private readonly users = new Map<string, CachedRiskUser>();
  private readonly partitions = new Map<string, number | null>();

  constructor(
    private readonly maxUsers: number,
    private readonly onEvict: (userId: string) => void,
  ) {}

  get(userId: string): CachedRiskUser | undefined {
    const user = this.users.get(userId);
    if (!user) return undefined;
    this.users.delete(userId);
    this.users.set(userId, user);
    return user;
  }

  /** `partition` is null for a user loaded outside a chunk of the positions topic (an acknowledgement). */
  put(userId: string, user: CachedRiskUser, partition: number | null): void {
    this.users.delete(userId);
    this.users.set(userId, user);
    this.partitions.set(userId, partition);
    while (this.users.size > this.maxUsers) {
      const oldest = this.users.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
      this.onEvict(oldest);
    }
  }

  delete(userId: string): void {
    this.users.delete(userId);
    this.partitions.delete(userId);
  }

  /** Removes every user not of the given partitions; answers the removed. */
  retainPartitions(partitions: readonly number[]): string[] {
    const owned = new Set(partitions);
    const removed: string[] = [];
    for (const [userId, partition] of [...this.partitions]) {
      if (partition !== null && owned.has(partition)) continue;
      this.delete(userId);
      removed.push(userId);
    }
    return removed;
  }

  /** Records an event id; returns false when it was seen already. */
  static markSeen(user: CachedRiskUser, eventId: string): boolean {
    if (user.seenEvents.includes(eventId)) return false;
    user.seenEvents.push(eventId);
    if (user.seenEvents.length > SEEN_EVENTS_KEPT) user.seenEvents.shift();
    return true;
  }
}
