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

/** Users in memory, least recently used evicted first; the evicted reload their saved state from PostgreSQL. */
export class RiskUserCache {
  private readonly users = new Map<string, CachedRiskUser>();

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

  put(userId: string, user: CachedRiskUser): void {
    this.users.delete(userId);
    this.users.set(userId, user);
    while (this.users.size > this.maxUsers) {
      const oldest = this.users.keys().next().value;
      if (oldest === undefined) break;
      this.users.delete(oldest);
      this.onEvict(oldest);
    }
  }

  delete(userId: string): void {
    this.users.delete(userId);
  }

  /** Records an event id; returns false when it was seen already. */
  static markSeen(user: CachedRiskUser, eventId: string): boolean {
    if (user.seenEvents.includes(eventId)) return false;
    user.seenEvents.push(eventId);
    if (user.seenEvents.length > SEEN_EVENTS_KEPT) user.seenEvents.shift();
    return true;
  }
}
