import type { RiskAlert } from '@hyperdex/contracts';
import { Usd } from '../money/usd';

/** An alert the live pipeline raised, as the alerting service recorded it. */
export interface LiveAlert {
  readonly alertId: string;
  readonly userId: string;
  readonly ruleId: string;
  readonly severity: string;
  readonly observedValue: string;
  readonly triggeredAt: number;
  readonly message: string;
}

export interface AlertDifference {
  /** Alerts both raised: same id (rule, user and level-change count) and the same observed value. */
  readonly matched: string[];
  /** Raised by both under the same id, at different observed values. */
  readonly differing: Array<{ readonly replayed: RiskAlert; readonly live: LiveAlert }>;
  /** Alerts the rule set would have raised that the live pipeline did not. */
  readonly onlyReplayed: RiskAlert[];
  /** Alerts the live pipeline raised that the rule set would not have. */
  readonly onlyLive: LiveAlert[];
}

/**
 * Replayed against live alerts. An alert id is `<rule>:<user>:<n>`, the rule's n-th level change for the user since
 * its first event, so a replay from the user's first event under the live rules reproduces the live ids exactly;
 * under other rules the ids tell which change of which rule differs. Times are not compared (live alerts carry the
 * moment risk evaluated, replay the moment the event was booked).
 */
export function compareAlerts(replayed: readonly RiskAlert[], live: readonly LiveAlert[]): AlertDifference {
  const liveById = new Map(live.map((a) => [a.alertId, a]));
  const replayedIds = new Set(replayed.map((a) => a.alertId));
  const matched: string[] = [];
  const differing: Array<{ replayed: RiskAlert; live: LiveAlert }> = [];
  const onlyReplayed: RiskAlert[] = [];
  for (const r of replayed) {
    const l = liveById.get(r.alertId);
    if (!l) onlyReplayed.push(r);
    else if (new Usd(l.observedValue).eq(new Usd(r.observedValue))) matched.push(r.alertId);
    else differing.push({ replayed: r, live: l });
  }
  return { matched, differing, onlyReplayed, onlyLive: live.filter((a) => !replayedIds.has(a.alertId)) };
}
