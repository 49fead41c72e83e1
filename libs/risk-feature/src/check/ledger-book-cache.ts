import { Inject, Injectable } from '@nestjs/common';
import { TradeLedgerRepository } from '@hyperdex/persistence';
import { PositionBook, type TokenRegistry } from '@hyperdex/risk-core';

/** What the cache needs of the ledger. */
export type LedgerReader = Pick<TradeLedgerRepository, 'loadLedger'>;

interface CachedBook {
  readonly holder: object;
  readonly version: number;
  readonly book: PositionBook;
}

const MAX_BOOKS = 100_000;

/**
 * Users' position books for pre-trade checks, rebuilt from the positions ledger (the truth, at the valuation each
 * event was booked at) and kept while the risk state that goes with them has evaluated no further ledger event:
 * the key is the in-memory risk user and its book version, which moves on every trade, transfer or retraction the
 * engine evaluates. A user not held in memory is rebuilt for every check and not kept.
 */
@Injectable()
export class LedgerBookCache {
  private readonly books = new Map<string, CachedBook>();

  constructor(@Inject(TradeLedgerRepository) private readonly ledger: LedgerReader) {}

  async bookOf(userId: string, holder: object | null, version: number, registry: TokenRegistry): Promise<PositionBook> {
    const cached = this.books.get(userId);
    if (holder !== null && cached && cached.holder === holder && cached.version === version) return cached.book;
    const entries = await this.ledger.loadLedger(userId);
    const book = new PositionBook({ isCash: (chainId, token) => registry.get(chainId, token)?.stablecoin ?? false });
    for (const { entry, valuation } of entries) book.apply(entry, valuation);
    if (holder !== null) {
      this.books.delete(userId);
      this.books.set(userId, { holder, version, book });
      if (this.books.size > MAX_BOOKS) {
        const oldest = this.books.keys().next().value;
        if (oldest !== undefined) this.books.delete(oldest);
      }
    }
    return book;
  }
}
