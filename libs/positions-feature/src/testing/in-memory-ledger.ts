import { ledgerEventId, type Trade, type TradeRetraction, type Transfer } from '@hyperdex/contracts';
import type { BookedEntry, EventToRecord, RecordedEvent } from '@hyperdex/persistence';
import { toLedgerEntry } from '@hyperdex/risk-core';
import type { LedgerStore } from '../portfolio.service';

interface Row {
  event: Trade | Transfer;
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
  readonly calls = { recordEvents: 0, loadLedgers: 0, retract: 0, loadRecorded: 0 };
  private failures = 0;

  /** The next `times` writes throw before changing anything. */
  failNextWrites(times = 1): void {
    this.failures = times;
  }

  async recordEvents(events: readonly EventToRecord[]): Promise<Set<string>> {
    this.calls.recordEvents++;
    this.maybeFail();
    const recorded = new Set<string>();
    for (const { event, valuation } of events) {
      const id = ledgerEventId(event);
      if (recorded.has(id) || this.rows.some((r) => ledgerEventId(r.event) === id)) continue;
      this.rows.push({ event, booked: { entry: toLedgerEntry(event), valuation }, retracted: false });
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
