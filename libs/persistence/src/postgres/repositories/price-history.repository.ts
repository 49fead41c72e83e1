import { Injectable } from '@nestjs/common';
import type { PriceTick } from '@hyperdex/contracts';
import { PriceHistoryRepository, type StoredPriceTick } from '../../ports/price-history.repository';
import { SqlDatabase } from '../../sql/sql-database';

interface TickRow {
  chain_id: number;
  token: string;
  tick_at: Date;
  source: string;
  price_usd: string;
  received_at: Date;
}

/** Price ticks in one multi-row INSERT per chunk; duplicates (a restart re-reads the compacted topic) are skipped. */
@Injectable()
export class PostgresPriceHistoryRepository extends PriceHistoryRepository {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async record(ticks: readonly PriceTick[]): Promise<void> {
    if (ticks.length === 0) return;
    await this.db.query(
      `INSERT INTO price_ticks (chain_id, token, tick_at, source, price_usd)
       SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
       ON CONFLICT DO NOTHING`,
      [ticks.map((t) => t.chainId), ticks.map((t) => t.token), ticks.map((t) => new Date(t.timestamp).toISOString()), ticks.map((t) => t.source), ticks.map((t) => t.priceUsd)],
    );
  }

  async loadUntil(to: number): Promise<StoredPriceTick[]> {
    const rows = await this.db.query<TickRow>(
      `SELECT chain_id, token, tick_at, source, price_usd, received_at FROM price_ticks
        WHERE received_at <= $1 ORDER BY received_at, tick_at, chain_id, token, source`,
      [new Date(to).toISOString()],
    );
    return rows.map((r) => ({
      tick: { chainId: r.chain_id, token: r.token, priceUsd: r.price_usd, timestamp: new Date(r.tick_at).getTime(), source: r.source },
      receivedAt: new Date(r.received_at).getTime(),
    }));
  }

  async loadRecentBars(barMs: number, bars: number): Promise<PriceTick[]> {
    if (!(Number.isInteger(barMs) && barMs > 0)) throw new Error(`barMs must be a positive integer, got ${barMs}`);
    if (!(Number.isInteger(bars) && bars > 0)) throw new Error(`bars must be a positive integer, got ${bars}`);
    const [clock] = await this.db.query<{ newest: Date | null }>(`SELECT max(tick_at) AS newest FROM price_ticks`);
    if (!clock?.newest) return [];
    const from = (Math.floor(new Date(clock.newest).getTime() / barMs) - bars) * barMs;
    // One row per (token, bar): its last tick (of equal times, the one received last).
    const rows = await this.db.query<Omit<TickRow, 'received_at'>>(
      `SELECT chain_id, token, tick_at, source, price_usd FROM (
         SELECT DISTINCT ON (chain_id, token, floor(extract(epoch FROM tick_at) * 1000 / $2))
                chain_id, token, tick_at, source, price_usd
           FROM price_ticks
          WHERE tick_at >= $1
          ORDER BY chain_id, token, floor(extract(epoch FROM tick_at) * 1000 / $2), tick_at DESC, received_at DESC
       ) closes
       ORDER BY tick_at, chain_id, token`,
      [new Date(from).toISOString(), barMs],
    );
    return rows.map((r) => ({ chainId: r.chain_id, token: r.token, priceUsd: r.price_usd, timestamp: new Date(r.tick_at).getTime(), source: r.source }));
  }
}
