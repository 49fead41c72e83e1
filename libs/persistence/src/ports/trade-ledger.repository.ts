import type { Trade, TradeRetraction, Transfer } from '@hyperdex/contracts';
import type { LedgerEntry, LedgerValuation } from '@hyperdex/risk-core';

export interface BalanceDelta {
  chainId: number;
  token: string;
  /** Signed base units. */
  delta: bigint;
}

export interface StoredBalance {
  chainId: number;
  token: string;
  balance: bigint;
}

export interface TradeSource {
  partition: number;
  offset: string;
}

/** One swap or transfer to record, with the valuation it is booked at and the record it came from. */
export interface EventToRecord {
  event: Trade | Transfer;
  valuation: LedgerValuation;
  source: TradeSource | null;
}

/** One ledger row as the position book replays it. */
export interface BookedEntry {
  entry: LedgerEntry;
  valuation: LedgerValuation;
}

/** One live ledger row with its user and when positions recorded it (the order replay applies events in). */
export interface RecordedEntry extends BookedEntry {
  userId: string;
  /** Epoch ms when the positions service booked the event. */
  recordedAt: number;
}

/** What the ledger holds of an event, to compare a later event of the same id with. */
export interface RecordedEvent {
  userId: string;
  entry: LedgerEntry;
  retracted: boolean;
}

/**
 * The positions service's ledger: every swap and transfer booked once (idempotent on event id) with the valuation
 * it was booked at, the balances they sum to, and retractions. The truth positions are rebuilt from.
 */
export abstract class TradeLedgerRepository {
  /** Returns true when the event was new and its balance deltas were applied (a batch of one). */
  abstract recordEvent(event: Trade | Transfer, valuation: LedgerValuation, source: TradeSource | null): Promise<boolean>;

  /** Records a batch in one transaction; answers the ids that were new (a repeated or stored id is skipped). */
  abstract recordEvents(events: readonly EventToRecord[]): Promise<Set<string>>;

  /** Marks an event retracted and reverses its balance deltas; false when there was nothing live to retract. */
  abstract retract(retraction: TradeRetraction): Promise<boolean>;

  /** The user's live (not retracted) ledger in the order it was applied. */
  abstract loadLedger(userId: string): Promise<BookedEntry[]>;

  /** The live ledgers of several users, each in applied order; every requested user has an entry. */
  abstract loadLedgers(userIds: readonly string[]): Promise<Map<string, BookedEntry[]>>;

  /** The recorded events of the given ids (retracted ones too); an id never recorded has no entry. */
  abstract loadRecorded(ids: readonly string[]): Promise<Map<string, RecordedEvent>>;

  /**
   * Users holding a non-zero balance of the token whose latest ledger event arrived on one of the given trades
   * partitions, with that partition: the holders a price move must revalue, in memory or not.
   */
  abstract loadHolders(chainId: number, token: string, partitions: readonly number[]): Promise<Array<{ userId: string; partition: number }>>;

  abstract loadBalances(userId: string): Promise<StoredBalance[]>;

  /** Every live event recorded up to `until` (epoch ms), optionally of some users only, in the order booked. */
  abstract loadHistory(until: number, userIds?: readonly string[]): Promise<RecordedEntry[]>;

  abstract countTrades(userId: string): Promise<number>;
}
