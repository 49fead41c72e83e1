import { Topics, deadLetterTopic, type AlertNotification, type DeadLetter, type ExposureUpdate, type TopicName } from '@hyperdex/contracts';
import type { InMemoryBroker } from '@hyperdex/messaging';
import type { SqlDatabase } from '@hyperdex/persistence';
import { replayRiskState, riskConfigSchema } from '@hyperdex/risk-feature';
import type { SimSocketServer } from '../system/sim-socket-server';
import { deltasOf, type SimWorld } from '../world/sim-world';
import { canonicalJson } from './canonical-json';

export interface Violation {
  invariant: string;
  detail: string;
}

interface Logged<T> {
  partition: number;
  offset: number;
  value: T;
}

const RISK_DEFAULTS = riskConfigSchema.parse({});

/**
 * What must hold after every step of a seed, whatever the faults did. Each check reads only what the system
 * published or stored (topics, tables, sockets) and compares it with a recomputation from the inputs.
 */
export class SimInvariants {
  constructor(
    private readonly world: SimWorld,
    private readonly broker: InMemoryBroker,
    private readonly db: SqlDatabase,
    private readonly sockets: SimSocketServer,
  ) {}

  async check(options: { quiet: boolean }): Promise<Violation[]> {
    const ledger = await this.ledgerRows();
    return [
      ...this.acknowledgedTradesAreBooked(ledger),
      ...this.positionsMatchTheLedger(ledger),
      ...(await this.riskStateMatchesItsLog()),
      ...this.oneAlertPerBreachEpisode(),
      ...this.socketsSeeOnlyTheirUser(),
      ...(options.quiet ? this.refusedRecordsAreDeadLettered() : []),
    ];
  }

  /** Every contract-valid trade before the positions group's committed offset is in the ledger, once; none else is. */
  private acknowledgedTradesAreBooked(ledger: Map<string, { userId: string; retracted: boolean }>): Violation[] {
    const violations: Violation[] = [];
    for (const id of ledger.keys()) if (!this.world.sent.has(id)) violations.push({ invariant: 'ledger holds only sent events', detail: `${id} is booked but was never sent` });
    for (const { offset, partition, value } of this.log<Record<string, unknown>>(Topics.trades)) {
      if (offset >= (this.broker.committed('positions', Topics.trades, partition) ?? 0)) continue;
      if (value['kind'] === 'retraction') {
        const id = String(value['tradeId']);
        if (ledger.get(id)?.retracted !== true) violations.push({ invariant: 'acknowledged retraction applied', detail: `${id} retracted at ${partition}/${offset} (committed) but live or absent in the ledger` });
        continue;
      }
      const id = String(value['tradeId'] ?? value['transferId']);
      if (this.world.sent.has(id) && !ledger.has(id)) violations.push({ invariant: 'no acknowledged trade lost', detail: `${id} at ${partition}/${offset} is committed but not in the ledger` });
      if (!this.world.sent.has(id) && ledger.has(id)) violations.push({ invariant: 'refused record never booked', detail: `${id} broke the contract but is in the ledger` });
    }
    return violations;
  }

  /**
   * For each user whose trades are all acknowledged: the balances of the user's last exposure update equal the sum of
   * the live ledger events' deltas (recomputed here from what was sent), so nothing was applied twice or missed.
   */
  private positionsMatchTheLedger(ledger: Map<string, { userId: string; retracted: boolean }>): Violation[] {
    const violations: Violation[] = [];
    const lastUpdate = new Map<string, ExposureUpdate>();
    for (const { value } of this.log<ExposureUpdate>(Topics.positions)) lastUpdate.set(value.userId, value);
    for (const userId of this.settledUsers(Topics.trades, 'positions')) {
      const expected = new Map<string, bigint>();
      for (const [id, row] of ledger) {
        if (row.userId !== userId || row.retracted) continue;
        for (const [token, delta] of deltasOf(this.world.sent.get(id) as Parameters<typeof deltasOf>[0])) expected.set(token, (expected.get(token) ?? 0n) + delta);
      }
      const update = lastUpdate.get(userId);
      const shown = new Map((update?.positions ?? []).map((p) => [p.token, BigInt(p.balance)] as const));
      const tokens = new Set([...expected.keys(), ...shown.keys()]);
      for (const token of tokens) {
        if ((expected.get(token) ?? 0n) !== (shown.get(token) ?? 0n)) {
          violations.push({
            invariant: 'positions equal a recomputation from the ledger',
            detail: `${userId} ${token}: exposure ${update ? `${update.eventId} shows ${shown.get(token) ?? 0n}` : 'never published'}, ledger sums to ${expected.get(token) ?? 0n}`,
          });
        }
      }
    }
    return violations;
  }

  /**
   * For each user whose exposure updates are all acknowledged by risk: the stored risk state is bit for bit the state
   * a fresh UserRiskState reaches from the user's updates on the topic, each observed once in log order.
   */
  private async riskStateMatchesItsLog(): Promise<Violation[]> {
    const users = this.settledUsers(Topics.positions, 'risk');
    if (users.length === 0) return [];
    const rows = await this.db.query<{ user_id: string; state: { user: unknown; seenEvents: string[] } }>(`SELECT user_id, state FROM user_risk_states WHERE user_id = ANY($1)`, [users]);
    const stored = new Map(rows.map((r) => [r.user_id, r.state]));
    const logs = new Map<string, ExposureUpdate[]>();
    for (const { value } of this.log<ExposureUpdate>(Topics.positions)) logs.set(value.userId, [...(logs.get(value.userId) ?? []), value]);
    const violations: Violation[] = [];
    for (const userId of users) {
      const updates = logs.get(userId) ?? [];
      if (updates.length === 0) continue;
      const replayed = replayRiskState(updates, RISK_DEFAULTS);
      const state = stored.get(userId);
      if (!state) {
        violations.push({ invariant: 'risk state from the event log', detail: `${userId}: ${updates.length} updates acknowledged, no risk state stored` });
        continue;
      }
      if (canonicalJson(state.user) !== canonicalJson(replayed.user)) {
        violations.push({ invariant: 'risk state from the event log', detail: `${userId}: stored state differs from the replay of its updates: ${firstDifference(state.user, replayed.user)}` });
      }
      if (canonicalJson(state.seenEvents) !== canonicalJson(replayed.seenEvents)) {
        violations.push({ invariant: 'risk state from the event log', detail: `${userId}: stored seen events differ from the log's: ${firstDifference(state.seenEvents, replayed.seenEvents)}` });
      }
    }
    return violations;
  }

  /**
   * One alert per (user, rule) episode: never a second alert while the first is unresolved, and each change of an
   * alert (its id and version) always the same. A change sent again byte for byte is a redelivery the contract allows
   * (clients keep the highest version and drop repeats); a different change under the same version is not.
   */
  private oneAlertPerBreachEpisode(): Violation[] {
    const violations: Violation[] = [];
    const sent = new Map<string, string>();
    const open = new Map<string, string>();
    for (const { value: n } of this.log<AlertNotification>(Topics.alertNotifications)) {
      const { alertId, userId, ruleId } = n.alert;
      const change = `${alertId}#${n.version ?? 0}`;
      const bytes = canonicalJson(n);
      const before = sent.get(change);
      if (before !== undefined) {
        if (before !== bytes) violations.push({ invariant: 'one alert per breach episode', detail: `${change} was sent twice with different content` });
        continue;
      }
      sent.set(change, bytes);
      const episode = `${userId}/${ruleId}`;
      if ((n.event ?? 'opened') === 'opened') {
        const current = open.get(episode);
        if (current !== undefined) violations.push({ invariant: 'one alert per breach episode', detail: `${alertId} opened while ${current} of ${episode} is unresolved` });
        open.set(episode, alertId);
      } else if (n.status === 'resolved' && open.get(episode) === alertId) {
        open.delete(episode);
      }
    }
    return violations;
  }

  /** Every event a socket received is about the user it logged in as. */
  private socketsSeeOnlyTheirUser(): Violation[] {
    const violations: Violation[] = [];
    for (const socket of this.sockets.sockets.sockets.values()) {
      for (const { event, payload } of socket.received) {
        const about = userOf(payload);
        if (about !== socket.userId) violations.push({ invariant: "no user's data on another user's socket", detail: `${socket.userId}'s socket got ${event} of ${about}` });
      }
    }
    return violations;
  }

  /**
   * Once everything is delivered: each record that broke the trades contract is in the DLQ with its reason. A record
   * delivered again before its commit is dead-lettered again (at least once, like every effect): the letters name
   * their source offset, so count distinct sources.
   */
  private refusedRecordsAreDeadLettered(): Violation[] {
    const letters = this.broker.records(deadLetterTopic(Topics.trades)).map((r) => JSON.parse(String(r.value)) as DeadLetter);
    const sources = new Set(letters.map((l) => `${l.partition}/${l.offset}`));
    const violations: Violation[] = [];
    if (sources.size !== this.world.malformedSent) {
      violations.push({ invariant: 'bad records dead-lettered', detail: `${this.world.malformedSent} malformed trades sent, ${sources.size} dead-lettered` });
    }
    for (const l of letters) if (!l.reason) violations.push({ invariant: 'bad records dead-lettered', detail: `the dead letter of ${l.partition}/${l.offset} gives no reason` });
    return violations;
  }

  /** Users all of whose records on the topic the group has committed. */
  private settledUsers(topic: TopicName, groupId: string): string[] {
    const unsettled = new Set<string>();
    for (const { partition, offset, value } of this.log<{ userId?: unknown }>(topic)) {
      if (offset >= (this.broker.committed(groupId, topic, partition) ?? 0)) unsettled.add(String(value.userId));
    }
    return this.world.users.filter((u) => !unsettled.has(u));
  }

  private async ledgerRows(): Promise<Map<string, { userId: string; retracted: boolean }>> {
    const rows = await this.db.query<{ trade_id: string; user_id: string; retracted: boolean }>(
      `SELECT trade_id, user_id, retracted_at IS NOT NULL AS retracted FROM trades WHERE user_id = ANY($1)`,
      [this.world.users],
    );
    return new Map(rows.map((r) => [r.trade_id, { userId: r.user_id, retracted: r.retracted }]));
  }

  /** The topic's records in partition and offset order, decoded. */
  private log<T>(topic: string): Array<Logged<T>> {
    const out: Array<Logged<T>> = [];
    for (let partition = 0; partition < this.broker.partitionCount(topic); partition++) {
      const { records } = this.broker.read(topic, partition, 0, Number.MAX_SAFE_INTEGER);
      for (const r of records) out.push({ partition, offset: Number(r.offset), value: JSON.parse(String(r.value)) as T });
    }
    return out;
  }
}

/** Where two JSON values first differ, as a path and both sides, for the violation's detail. */
function firstDifference(stored: unknown, replayed: unknown, path = '$'): string {
  if (canonicalJson(stored) === canonicalJson(replayed)) return '';
  if (stored !== null && replayed !== null && typeof stored === 'object' && typeof replayed === 'object') {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(replayed)])].sort();
    for (const key of keys) {
      const found = firstDifference((stored as Record<string, unknown>)[key], (replayed as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path} stored ${canonicalJson(stored)?.slice(0, 200)}, replayed ${canonicalJson(replayed)?.slice(0, 200)}`;
}

function userOf(payload: unknown): string {
  const p = payload as { userId?: string; alert?: { userId?: string } };
  return p.userId ?? p.alert?.userId ?? '(none)';
}
