export type LatchTransition = 'entered' | 'still-breached' | 'cleared' | 'still-clear';

/**
 * Remembers which (rule, user) pairs are in breach so an alert fires when a breach begins,
 * not on every event while it lasts.
 */
export class BreachLatch {
  private readonly breached = new Set<string>();

  update(ruleId: string, userId: string, inBreach: boolean): LatchTransition {
    const key = `${ruleId}\u0000${userId}`;
    const was = this.breached.has(key);
    if (inBreach && !was) {
      this.breached.add(key);
      return 'entered';
    }
    if (!inBreach && was) {
      this.breached.delete(key);
      return 'cleared';
    }
    return inBreach ? 'still-breached' : 'still-clear';
  }
}
