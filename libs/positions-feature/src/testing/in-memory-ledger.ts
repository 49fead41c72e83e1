import { ledgerEventId, type Trade, type TradeRetraction, type Transfer } from '@hyperdex/contracts';
import type { BookedEntry, EventToRecord, RecordedEvent } from '@hyperdex/persistence';
import { toLedgerEntry } from '@hyperdex/risk-core';
import type { LedgerStore } from '../portfolio.service';

interface Row {
  event: Trade | Transfer;
  partition: number | null;
  booked: BookedEntry;
  retracted: boolean;
}

/**
 * The ledger's semantics without PostgreSQL (those are proven against the real database in the persistence spec):
 * an id is recorded once, the first occurrence of a batch wins, a batch is all or nothing. Counts its calls, and
 * can be told to fail the next write as a database outage would.
 */
export class InMemoryLedger implements LedgerStore {
  readonly rows: Row[] = [];
  readonly calls = { recordEvents: 0, loadLedgers: 0, retract: 0, loadRecorded: 0, loadHolders: 0 };
  private failures = 0;

  /** The next `times` writes throw before changing anything. */
  failNextWrites(times = 1): void {
    this.failures = times;
  }

  async recordEvents(events: readonly EventToRecord[]): Promise<Set<string>> {
    this.calls.recordEvents++;
    this.maybeFail();
    const recorded = new Set<string>();
    for (const { event, valuation, source } of events) {
      const id = ledgerEventId(event);
      if (recorded.has(id) || this.rows.some((r) => ledgerEventId(r.event) === id)) continue;
      this.rows.push({ event, partition: source?.partition ?? null, booked: { entry: toLedgerEntry(event), valuation }, retracted: false });
      recorded.add(id);
    }
    return recorded;
  }

  async loadLedgers(userIds: readonly string[]): Promise<Map<string, BookedEntry[]>> {
    this.calls.loadLedgers++;
    return new Map(userIds.map((u) => [u, this.rows.filter((r) => r.event.userId === u && !r.retracted).map((r) => r.booked)]));
  }

  async loadRecorded(ids: readonly string[]): Promise<Map<string, RecordedEvent>> {
    this.calls.loadRecorded++;
    const wanted = new Set(ids);
    return new Map(
      this.rows.filter((r) => wanted.has(ledgerEventId(r.event))).map((r) => [ledgerEventId(r.event), { userId: r.event.userId, entry: r.booked.entry, retracted: r.retracted }]),
    );
  }

  /** Holders by replaying each user's live swaps and transfers of the token (fees left out: the specs use none). */
  async loadHolders(chainId: number, token: string, partitions: readonly number[]): Promise<Array<{ userId: string; partition: number }>> {
    this.calls.loadHolders++;
    const balances = new Map<string, bigint>();
    const latest = new Map<string, number>();
    for (const { event, partition, retracted } of this.rows) {
      if (partition !== null) latest.set(event.userId, partition);
      if (retracted || event.chainId !== chainId) continue;
      const before = balances.get(event.userId) ?? 0n;
      if (event.kind === 'transfer') {
        if (event.token === token) balances.set(event.userId, before + (event.direction === 'in' ? 1n : -1n) * BigInt(event.amount));
      } else {
        if (event.tokenOut === token) balances.set(event.userId, (balances.get(event.userId) ?? 0n) + BigInt(event.amountOut));
        if (event.tokenIn === token) balances.set(event.userId, (balances.get(event.userId) ?? 0n) - BigInt(event.amountIn));
      }
    }
    return [...balances]
      .filter(([userId, balance]) => balance !== 0n && partitions.includes(latest.get(userId) ?? -1))
      .map(([userId]) => ({ userId, partition: latest.get(userId) as number }))
      .sort((a, b) => a.userId.localeCompare(b.userId));
  }

  async retract(retraction: TradeRetraction): Promise<boolean> {
    this.calls.retract++;
    this.maybeFail();
    const row = this.rows.find((r) => ledgerEventId(r.event) === retraction.tradeId && r.event.userId === retraction.userId && !r.retracted);
    if (!row) return false;
    row.retracted = true;
    return true;
  }

  idsOf(userId: string): string[] {
    return this.rows.filter((r) => r.event.userId === userId && !r.retracted).map((r) => ledgerEventId(r.event));
  }

  private maybeFail(): void {
    if (this.failures === 0) return;
    this.failures--;
    throw new Error('connection terminated unexpectedly');
  }
}
