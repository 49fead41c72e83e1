import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { Topics, type ExposureCause, type LedgerEvent, type PriceTick, type TokenMetadata, type TradeRetraction } from '@hyperdex/contracts';
import { EventPublisher, type MessageContext } from '@hyperdex/messaging';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ExposureCache, TradeLedgerRepository } from '@hyperdex/persistence';
import { PositionBook, PriceBook, TokenRegistry, formatUsd, toLedgerEntry, valueExposure, valueLedgerEntry, type TradeOutcome } from '@hyperdex/risk-core';
import { toExposureUpdate } from './exposure-event.mapper';
import { KeyedSerializer } from './keyed-serializer';
import { PositionBookCache } from './position-book-cache';

const outcomeOnWire = (o: TradeOutcome) => ({
  closesPosition: o.closesPosition,
  realizedPnlUsd: o.realizedPnlUsd !== null ? formatUsd(o.realizedPnlUsd) : null,
  notionalUsd: o.notionalUsd !== null ? formatUsd(o.notionalUsd) : null,
  feesUsd: o.feesUsd !== null ? formatUsd(o.feesUsd) : null,
});

/**
 * Keeps users' positions (average cost, realized and unrealized PnL) and values them. The PostgreSQL ledger is the
 * truth: an event is applied to memory only after its transaction committed, with the valuation stored beside it,
 * and an id seen before changes nothing. Every change is published as an exposure update and cached in Redis for
 * the gateway's REST reads.
 */
@Injectable()
export class PortfolioService {
  private readonly prices = new PriceBook();
  private readonly perUser = new KeyedSerializer();
  private readonly cacheFailures: Counter;

  constructor(
    private readonly registry: TokenRegistry,
    private readonly users: PositionBookCache,
    private readonly ledger: TradeLedgerRepository,
    private readonly cache: ExposureCache,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.cacheFailures = metrics.counter('hyperdex_exposure_cache_failures_total', 'Exposure snapshots that could not be cached in Redis');
  }

  async applyLedgerEvent(event: LedgerEvent, context: MessageContext): Promise<void> {
    if (event.kind === 'retraction') return this.retract(event, context);
    await this.perUser.run(event.userId, async () => {
      const entry = toLedgerEntry(event);
      const book = await this.bookOf(event.userId, context.partition);
      const valuation = valueLedgerEntry(entry, this.registry, this.prices);
      const applied = await this.ledger.recordEvent(event, valuation, { partition: context.partition, offset: context.offset });
      let cause: ExposureCause;
      if (applied) {
        const outcome = book.apply(entry, valuation);
        cause = event.kind === 'transfer'
          ? { kind: 'transfer', transferId: event.transferId }
          : { kind: 'trade', tradeId: event.tradeId, outcome: outcomeOnWire(outcome), executedAt: event.timestamp };
      } else {
        this.logger.info({ id: entry.id, userId: event.userId }, 'event already recorded; republishing exposure');
        // The book already holds it (it was loaded from the ledger); the outcome is not known again, so the
        // republished update must not count as a new closed trade.
        cause = event.kind === 'transfer'
          ? { kind: 'transfer', transferId: event.transferId }
          : { kind: 'trade', tradeId: event.tradeId, outcome: { closesPosition: false, realizedPnlUsd: null, notionalUsd: null, feesUsd: null }, executedAt: event.timestamp };
      }
      this.users.put(event.userId, book, context.partition);
      // Published even for a duplicate: the first delivery may have committed without publishing.
      await this.publishExposure(event.userId, book, cause);
    });
  }

  async applyPrice(tick: PriceTick): Promise<void> {
    const isCurrent = this.prices.apply(tick.chainId, tick.token, tick.priceUsd, tick.timestamp, tick.source);
    if (!isCurrent) return;
    await Promise.all(
      this.users.holdersOf(tick.chainId, tick.token).map((userId) =>
        this.perUser.run(userId, async () => {
          const book = this.users.get(userId);
          if (book) await this.publishExposure(userId, book, { kind: 'price', chainId: tick.chainId, token: tick.token });
        }),
      ),
    );
  }

  /**
   * A token learned from chain data (symbol, decimals): balances held in it can now be valued. The registry's own
   * entries (seed, file) win over chain-learned ones, which cannot know that a token is a stablecoin.
   */
  async learnToken(token: TokenMetadata): Promise<void> {
    if (this.registry.get(token.chainId, token.address)) return;
    this.registry.register({ chainId: token.chainId, address: token.address, symbol: token.symbol, decimals: token.decimals, stablecoin: token.stablecoin });
    await Promise.all(
      this.users.holdersOf(token.chainId, token.address).map((userId) =>
        this.perUser.run(userId, async () => {
          const book = this.users.get(userId);
          if (book) await this.publishExposure(userId, book, { kind: 'price', chainId: token.chainId, token: token.address });
        }),
      ),
    );
  }

  /** After a rebalance: forget users whose trades another instance now applies. */
  retainPartitions(partitions: readonly number[]): void {
    const dropped = this.users.retainPartitions(partitions);
    if (dropped) this.logger.info({ dropped, partitions }, 'dropped users of partitions now owned elsewhere');
  }

  /** A reorg removed the trade's log: take it out of the ledger and rebuild the user's book without it. */
  private async retract(retraction: TradeRetraction, context: MessageContext): Promise<void> {
    await this.perUser.run(retraction.userId, async () => {
      const retracted = await this.ledger.retract(retraction);
      if (!retracted) this.logger.info({ tradeId: retraction.tradeId, userId: retraction.userId }, 'nothing to retract');
      const book = await this.replay(retraction.userId);
      this.users.put(retraction.userId, book, context.partition);
      await this.publishExposure(retraction.userId, book, { kind: 'retraction', tradeId: retraction.tradeId, reason: retraction.reason });
    });
  }

  private async bookOf(userId: string, partition: number): Promise<PositionBook> {
    const cached = this.users.get(userId);
    if (cached) return cached;
    const book = await this.replay(userId);
    this.users.put(userId, book, partition);
    return book;
  }

  private newBook(): PositionBook {
    return new PositionBook({ isCash: (chainId, token) => this.registry.get(chainId, token)?.stablecoin ?? false });
  }

  /** Rebuilds a book from the ledger at the valuations each event was booked at: O(events of the user). */
  private async replay(userId: string): Promise<PositionBook> {
    const book = this.newBook();
    for (const { entry, valuation } of await this.ledger.loadLedger(userId)) book.apply(entry, valuation);
    return book;
  }

  private async publishExposure(userId: string, book: PositionBook, cause: ExposureCause): Promise<void> {
    const update = toExposureUpdate(userId, valueExposure(book, this.registry, this.prices), cause, Date.now());
    try {
      await this.cache.put(update);
    } catch (error) {
      // The snapshot cache only serves REST reads and the next update rewrites it: a Redis outage must not
      // hold back the event stream that risk and the dashboards depend on.
      this.cacheFailures.inc();
      this.logger.warn({ err: error, userId }, 'could not cache the exposure snapshot');
    }
    await this.publisher.publish(Topics.positions, [update]);
  }
}
