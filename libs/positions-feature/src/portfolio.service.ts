import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { PriceTick, TokenMetadata, TradeRetraction } from '@hyperdex/contracts';
import { PermanentFailure, type MessageContext } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { TradeLedgerRepository, type BookedEntry } from '@hyperdex/persistence';
import { PositionBook, PriceBook, TokenRegistry, toExposureUpdate, toLedgerEntry, valueExposure, valueLedgerEntry } from '@hyperdex/risk-core';
import { foldCauses, sliceCauses, type PriceCause } from './cause-folding';
import { ChunkCoverage } from './chunk-coverage';
import { ExposureBroadcaster, type OutgoingExposure } from './exposure-broadcaster';
import { HolderSweep } from './holder-sweep';
import { KeyedSerializer } from './keyed-serializer';
import { bookedCause, duplicateCause, retractionCause } from './ledger-causes';
import { conflictWith } from './ledger-conflict';
import { planLedgerChunk, usersOf, type BookingInChunk, type ChunkEvent } from './ledger-chunk';
import { PositionBookCache } from './position-book-cache';
import { PriceRevaluationScheduler } from './price-revaluation-scheduler';
import { REVALUATION_SCHEDULE, type RevaluationSchedule } from './revaluation-schedule';

/** What the service needs of the ledger: its public surface, so a spec can hand in its own. */
export type LedgerStore = Pick<TradeLedgerRepository, 'recordEvents' | 'loadLedgers' | 'retract' | 'loadRecorded' | 'loadHolders'>;

/** Events of a chunk refused for good (a conflicting duplicate): they go to the DLQ, the rest of the chunk stands. */
export interface LedgerChunkOutcome<E extends ChunkEvent> {
  rejected: Array<{ event: E; failure: PermanentFailure }>;
}

/** Ids of duplicates named in one log line at most. */
const LOGGED_DUPLICATES = 20;

/**
 * Keeps users' positions (average cost, realized and unrealized PnL) and values them. The PostgreSQL ledger is the
 * truth: events are applied to memory only after their transaction committed, with the valuation stored beside
 * them, and an id seen before changes nothing. Ledger events arrive in chunks of one partition: each chunk is booked
 * in one transaction and ends in one exposure update per user, all published together and cached in Redis for the
 * gateway's REST reads. Price moves are published by the revaluation scheduler, at most once per user per interval.
 *
 * Ordering: a user's updates must reach the topic in the order they were valued, and two publishes in flight at
 * once may overtake each other on the wire. So every piece of work that values and publishes users — a ledger chunk,
 * a revaluation run — holds those users' lanes (KeyedSerializer.runAll) from the moment it reads their books until
 * the broker acknowledged it. Lanes rather than one global queue: chunks of different partitions never share users
 * and keep running in parallel; only a revaluation touching a chunk's users waits for it (one round trip at most).
 */
@Injectable()
export class PortfolioService implements OnModuleDestroy {
  private readonly prices = new PriceBook();
  private readonly lanes = new KeyedSerializer();
  private readonly revaluation: PriceRevaluationScheduler;
  private readonly conflicts: Counter;
  private readonly sweep: HolderSweep;
  /** The trades partitions this instance owns (null until the first assignment). */
  private owned: readonly number[] | null = null;

  constructor(
    private readonly registry: TokenRegistry,
    private readonly users: PositionBookCache,
    @Inject(TradeLedgerRepository) private readonly ledger: LedgerStore,
    private readonly exposures: ExposureBroadcaster,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REVALUATION_SCHEDULE) private readonly schedule: RevaluationSchedule,
    metrics: ServiceMetrics,
  ) {
    this.sweep = new HolderSweep(
      (causes) => this.loadHolders(causes),
      (error, causes) => this.logger.warn({ err: error, tokens: causes.length }, 'could not load the holders of moved tokens; retrying on the next tick'),
    );
    this.conflicts = metrics.counter(
      'hyperdex_positions_conflicting_duplicates_total',
      'Ledger events refused because their id was recorded with other content (same trade id, different trade); each went to the DLQ',
    );
    this.revaluation = new PriceRevaluationScheduler(
      schedule,
      (userIds) => this.revalue(userIds),
      (error, userIds) => this.logger.warn({ err: error, users: userIds.length }, 'could not publish price revaluations; retrying later'),
    );
  }

  onModuleDestroy(): void {
    this.revaluation.stop();
  }

  /**
   * Applies one partition's ordered chunk of ledger events. Any failure drops the chunk's users from memory and
   * rethrows, so the subscription retries the whole chunk against books rebuilt from the ledger: what committed is
   * then seen as duplicates and republished, nothing is applied twice, and nothing half-applied survives.
   */
  async applyLedgerChunk<E extends ChunkEvent>(events: readonly E[]): Promise<LedgerChunkOutcome<E>> {
    const first = events[0];
    if (!first) return { rejected: [] };
    const partition = first.context.partition;
    const userIds = usersOf(events);
    const refused = new Map<MessageContext, PermanentFailure>();
    await this.lanes.runAll(userIds, async () => {
      try {
        const books = await this.booksOf(userIds);
        const coverage = new ChunkCoverage();
        for (const segment of planLedgerChunk(events)) {
          if (segment.kind === 'bookings') await this.book(segment.bookings, books, coverage, refused);
          else await this.retract(segment.retraction, books, coverage);
        }
        for (const [userId, book] of books) this.users.put(userId, book, partition);
        await this.publishCovered(coverage, books);
      } catch (error) {
        for (const userId of userIds) this.users.forget(userId);
        throw error;
      }
    });
    this.conflicts.inc(refused.size);
    return { rejected: events.flatMap((event) => { const failure = refused.get(event.context); return failure ? [{ event, failure }] : []; }) };
  }

  /**
   * Applies a chunk of price ticks to the price book at once and marks the holders of each token that moved; their
   * updates follow through the revaluation scheduler (at once after the chunk when the interval is 0).
   */
  async applyPrices(ticks: readonly PriceTick[]): Promise<void> {
    for (const tick of ticks) {
      if (this.prices.apply(tick.chainId, tick.token, tick.priceUsd, tick.timestamp, tick.source)) {
        const cause: PriceCause = { kind: 'price', chainId: tick.chainId, token: tick.token };
        this.markHolders(cause);
        this.sweep.request(cause);
      }
    }
    if (this.schedule.intervalMs === 0) await this.revaluation.flushNow();
  }

  /**
   * Tokens learned from chain data (symbol, decimals): balances held in them can now be valued, through the same
   * path as a price move. The registry's own entries (seed, file) win over chain-learned ones, which cannot know
   * that a token is a stablecoin.
   */
  async learnTokens(tokens: readonly TokenMetadata[]): Promise<void> {
    for (const token of tokens) {
      if (this.registry.get(token.chainId, token.address)) continue;
      this.registry.register({ chainId: token.chainId, address: token.address, symbol: token.symbol, decimals: token.decimals, stablecoin: token.stablecoin });
      this.markHolders({ kind: 'price', chainId: token.chainId, token: token.address });
    }
    if (this.schedule.intervalMs === 0) await this.revaluation.flushNow();
  }

  /** After a rebalance: forget users whose trades another instance now applies. */
  retainPartitions(partitions: readonly number[]): void {
    this.owned = [...partitions];
    const dropped = this.users.retainPartitions(partitions);
    if (dropped) this.logger.info({ dropped, partitions }, 'dropped users of partitions now owned elsewhere');
  }

  /** Resolves once the holders of every token that moved so far are loaded and marked (for tests and benches). */
  holdersLoaded(): Promise<void> {
    return this.sweep.idle();
  }

  /**
   * Finds in the ledger the holders of each moved token on this instance's partitions that are not in memory, loads
   * them a batch at a time (each batch holding its users' lanes, so no ledger chunk interleaves) and marks them, so
   * an idle user is revalued after a restart, a rebalance or an eviction as a cached one is.
   */
  private async loadHolders(causes: readonly PriceCause[]): Promise<void> {
    let marked = 0;
    for (const cause of causes) {
      const owned = this.owned;
      if (!owned || owned.length === 0) return;
      const missing = (await this.ledger.loadHolders(cause.chainId, cause.token, owned)).filter((h) => !this.users.peek(h.userId));
      for (let start = 0; start < missing.length; start += this.schedule.batchSize) {
        const batch = missing.slice(start, start + this.schedule.batchSize);
        await this.lanes.runAll(
          batch.map((h) => h.userId),
          async () => {
            // Checked again inside the lanes: a ledger chunk or a rebalance may have come first.
            const load = batch.filter((h) => !this.users.peek(h.userId) && (this.owned ?? []).includes(h.partition));
            if (load.length === 0) return;
            const ledgers = await this.ledger.loadLedgers(load.map((h) => h.userId));
            for (const { userId, partition } of load) {
              this.users.put(userId, this.replay(ledgers.get(userId) ?? []), partition);
              this.revaluation.markDirty(userId, cause);
            }
            marked += load.length;
          },
        );
      }
    }
    if (marked > 0) this.logger.info({ loaded: marked, tokens: causes.length }, 'loaded holders of moved tokens for revaluation');
    if (marked > 0 && this.schedule.intervalMs === 0) await this.revaluation.flushNow();
  }

  private markHolders(cause: PriceCause): void {
    for (const userId of this.users.holdersOf(cause.chainId, cause.token)) this.revaluation.markDirty(userId, cause);
  }

  /** The chunk's books: those in memory, and every other user loaded from the ledger with one query. */
  private async booksOf(userIds: readonly string[]): Promise<Map<string, PositionBook>> {
    const books = new Map<string, PositionBook>();
    const missing: string[] = [];
    for (const userId of userIds) {
      const cached = this.users.get(userId);
      if (cached) books.set(userId, cached);
      else missing.push(userId);
    }
    if (missing.length > 0) {
      const ledgers = await this.ledger.loadLedgers(missing);
      for (const userId of missing) books.set(userId, this.replay(ledgers.get(userId) ?? []));
    }
    return books;
  }

  /**
   * Books a run of swaps and transfers: each valued at the current prices in order, all recorded in one
   * transaction, then applied to the books in order — only those the ledger took as new.
   */
  private async book(
    bookings: readonly BookingInChunk[],
    books: Map<string, PositionBook>,
    coverage: ChunkCoverage,
    refused: Map<MessageContext, PermanentFailure>,
  ): Promise<void> {
    const valued = bookings.map((booking) => {
      const entry = toLedgerEntry(booking.payload);
      return { ...booking, entry, valuation: booking.firstInChunk ? valueLedgerEntry(entry, this.registry, this.prices) : null };
    });
    const recorded = await this.ledger.recordEvents(
      valued.flatMap((v) => (v.valuation ? [{ event: v.payload, valuation: v.valuation, source: { partition: v.context.partition, offset: v.context.offset } }] : [])),
    );
    const repeated = valued.filter((v) => !(v.valuation && recorded.has(v.entry.id)));
    // Only repeats are compared with what the ledger holds: one query, and none for a chunk of new events.
    const stored = repeated.length > 0 ? await this.ledger.loadRecorded(repeated.map((v) => v.entry.id)) : new Map();
    const duplicates: string[] = [];
    for (const { payload, context, entry, valuation } of valued) {
      const book = books.get(payload.userId) as PositionBook;
      const held = stored.get(entry.id);
      const conflict = !(valuation && recorded.has(entry.id)) && held ? conflictWith(payload, entry, held) : [];
      if (conflict.length > 0) {
        // Neither applied nor republished: the recorded version stands, and the producer learns of the clash.
        refused.set(context, new PermanentFailure(`conflicting duplicate: id ${entry.id} is recorded with other content`, conflict));
        this.logger.warn({ id: entry.id, userId: payload.userId, errors: conflict }, 'conflicting duplicate refused');
      } else if (valuation && recorded.has(entry.id)) {
        coverage.add(payload.userId, bookedCause(payload, book.apply(entry, valuation)), context);
      } else {
        // The book already holds it (loaded from the ledger, or applied earlier). Republished all the same: the
        // first delivery may have committed without publishing.
        duplicates.push(entry.id);
        coverage.add(payload.userId, duplicateCause(payload), context);
      }
    }
    if (duplicates.length > 0) {
      this.logger.info({ count: duplicates.length, ids: duplicates.slice(0, LOGGED_DUPLICATES) }, 'events already recorded; republishing exposure');
    }
  }

  /** A reorg removed the trade's log: take it out of the ledger and rebuild the user's book without it. */
  private async retract({ payload, context }: ChunkEvent<TradeRetraction>, books: Map<string, PositionBook>, coverage: ChunkCoverage): Promise<void> {
    const retracted = await this.ledger.retract(payload);
    if (!retracted) this.logger.info({ tradeId: payload.tradeId, userId: payload.userId }, 'nothing to retract');
    const ledgers = await this.ledger.loadLedgers([payload.userId]);
    books.set(payload.userId, this.replay(ledgers.get(payload.userId) ?? []));
    coverage.add(payload.userId, retractionCause(payload), context);
  }

  /**
   * One update per user of the chunk, valued after all their events, naming them all (and the price moves still
   * pending for the user, whose marks it takes); all published together. If publishing fails the marks are put back.
   */
  private async publishCovered(coverage: ChunkCoverage, books: ReadonlyMap<string, PositionBook>): Promise<void> {
    const asOf = Date.now();
    const outgoing: OutgoingExposure[] = [];
    const taken = new Map<string, PriceCause[]>();
    for (const [userId, { causes, lastContext }] of coverage.entries()) {
      const book = books.get(userId) as PositionBook;
      const pendingPrices = this.revaluation.take(userId);
      taken.set(userId, pendingPrices);
      const snapshot = valueExposure(book, this.registry, this.prices);
      for (const slice of sliceCauses(foldCauses(pendingPrices, causes))) {
        outgoing.push({ update: toExposureUpdate(randomUUID(), userId, snapshot, slice, asOf), causedBy: lastContext });
      }
    }
    await this.broadcastOrRestore(outgoing, 'ledger', taken);
  }

  /** One update per given user still dirty and in memory, at the latest prices (see PriceRevaluationScheduler). */
  private async revalue(userIds: readonly string[]): Promise<void> {
    await this.lanes.runAll(userIds, async () => {
      const asOf = Date.now();
      const outgoing: OutgoingExposure[] = [];
      const taken = new Map<string, PriceCause[]>();
      for (const userId of userIds) {
        // Taken inside the lane: a ledger update that went first already carried the user's marks.
        const moved = this.revaluation.take(userId);
        // A user no longer in memory (evicted, or moved to another instance) is valued afresh when next loaded.
        const book = this.users.peek(userId);
        if (moved.length === 0 || !book) continue;
        taken.set(userId, moved);
        const snapshot = valueExposure(book, this.registry, this.prices);
        for (const slice of sliceCauses(moved)) outgoing.push({ update: toExposureUpdate(randomUUID(), userId, snapshot, slice, asOf) });
      }
      await this.broadcastOrRestore(outgoing, 'price', taken);
    });
  }

  private async broadcastOrRestore(outgoing: readonly OutgoingExposure[], reason: 'ledger' | 'price', taken: ReadonlyMap<string, PriceCause[]>): Promise<void> {
    try {
      await this.exposures.broadcast(outgoing, reason);
    } catch (error) {
      for (const [userId, causes] of taken) this.revaluation.restore(userId, causes);
      throw error;
    }
  }

  private newBook(): PositionBook {
    return new PositionBook({ isCash: (chainId, token) => this.registry.get(chainId, token)?.stablecoin ?? false });
  }

  /** Rebuilds a book from the ledger at the valuations each event was booked at: O(events of the user). */
  private replay(ledger: readonly BookedEntry[]): PositionBook {
    const book = this.newBook();
    for (const { entry, valuation } of ledger) book.apply(entry, valuation);
    return book;
  }
}
