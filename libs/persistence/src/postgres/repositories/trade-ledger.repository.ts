import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Trade, TradeRetraction, Transfer } from '@hyperdex/contracts';
import { formatUsd, parseUsd, type LedgerEntry, type LedgerValuation } from '@hyperdex/risk-core';

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

/** One ledger row as the position book replays it. */
export interface BookedEntry {
  entry: LedgerEntry;
  valuation: LedgerValuation;
}

interface StoredValuation {
  valueUsd: string | null;
  feesUsd: Array<string | null>;
}

interface LedgerRow {
  trade_id: string;
  kind: 'swap' | 'transfer';
  chain_id: number;
  token_in: string | null;
  token_out: string | null;
  amount_in: string | null;
  amount_out: string | null;
  fees: Array<{ token: string; amount: string }>;
  valuation: StoredValuation | null;
  executed_ms: string;
}

/** The balance changes an event causes, fees included. */
export function balanceDeltas(event: Trade | Transfer): BalanceDelta[] {
  if (event.kind === 'transfer') {
    const amount = BigInt(event.amount);
    return [{ chainId: event.chainId, token: event.token, delta: event.direction === 'in' ? amount : -amount }];
  }
  return [
    { chainId: event.chainId, token: event.tokenIn, delta: -BigInt(event.amountIn) },
    { chainId: event.chainId, token: event.tokenOut, delta: BigInt(event.amountOut) },
    ...(event.fees ?? []).map((f) => ({ chainId: event.chainId, token: f.token, delta: -BigInt(f.amount) })),
  ];
}

// Stored at full 18-decimal precision so a replay books exactly the same amounts.
const storeValuation = (v: LedgerValuation): StoredValuation => ({
  valueUsd: v.valueUsd === null ? null : formatUsd(v.valueUsd, 18),
  feesUsd: v.feesUsd.map((f) => (f === null ? null : formatUsd(f, 18))),
});

const loadValuation = (v: StoredValuation | null): LedgerValuation => ({
  valueUsd: v?.valueUsd != null ? parseUsd(v.valueUsd) : null,
  feesUsd: (v?.feesUsd ?? []).map((f) => (f != null ? parseUsd(f) : null)),
});

function toEntry(row: LedgerRow): LedgerEntry {
  const timestamp = Number(row.executed_ms);
  if (row.kind === 'transfer') {
    const incoming = row.token_out !== null;
    return {
      kind: 'transfer',
      id: row.trade_id,
      chainId: row.chain_id,
      token: (incoming ? row.token_out : row.token_in) as string,
      direction: incoming ? 'in' : 'out',
      amount: BigInt((incoming ? row.amount_out : row.amount_in) as string),
      timestamp,
    };
  }
  return {
    kind: 'swap',
    id: row.trade_id,
    chainId: row.chain_id,
    tokenIn: row.token_in as string,
    amountIn: BigInt(row.amount_in as string),
    tokenOut: row.token_out as string,
    amountOut: BigInt(row.amount_out as string),
    fees: row.fees.map((f) => ({ token: f.token, amount: BigInt(f.amount) })),
    timestamp,
  };
}

/**
 * The ledger of swaps and transfers and the balances derived from it, written in one transaction. An id seen before
 * changes nothing, so a redelivered Kafka record is never counted twice. Each event keeps the valuation it was booked
 * at, so replaying the ledger rebuilds positions exactly.
 */
@Injectable()
export class TradeLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns true when the event was new and its balance deltas were applied. */
  async recordEvent(event: Trade | Transfer, valuation: LedgerValuation, source: TradeSource | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const swap = event.kind !== 'transfer';
      const outgoing = !swap && event.direction === 'out';
      const inserted: unknown[] = await manager.query(
        `INSERT INTO trades (trade_id, kind, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out, fees,
                             origin, valuation, executed_at, source_partition, source_offset)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, to_timestamp($13::double precision / 1000), $14, $15)
         ON CONFLICT (trade_id) DO NOTHING
         RETURNING trade_id`,
        [
          swap ? event.tradeId : event.transferId,
          swap ? 'swap' : 'transfer',
          event.userId,
          event.chainId,
          swap ? event.dex : 'transfer',
          swap ? event.tokenIn : outgoing ? event.token : null,
          swap ? event.tokenOut : outgoing ? null : event.token,
          swap ? event.amountIn : outgoing ? event.amount : null,
          swap ? event.amountOut : outgoing ? null : event.amount,
          JSON.stringify(swap ? (event.fees ?? []) : []),
          swap && event.origin ? JSON.stringify(event.origin) : null,
          JSON.stringify(storeValuation(valuation)),
          event.timestamp,
          source?.partition ?? null,
          source?.offset ?? null,
        ],
      );
      if (inserted.length === 0) return false;
      await this.applyDeltas(manager, event.userId, balanceDeltas(event));
      return true;
    });
  }

  /**
   * Marks a trade retracted and takes its balance changes back. Returns false when there was nothing to retract
   * (unknown id, already retracted, or another user's trade).
   */
  async retract(retraction: TradeRetraction): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows: LedgerRow[] = await manager.query(
        // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE on PostgreSQL.
        `WITH retracted AS (
           UPDATE trades SET retracted_at = now(), retraction_reason = $3
            WHERE trade_id = $1 AND user_id = $2 AND retracted_at IS NULL
            RETURNING *)
         SELECT trade_id, kind, chain_id, token_in, token_out, amount_in::text AS amount_in, amount_out::text AS amount_out,
                fees, valuation, (extract(epoch from executed_at) * 1000)::bigint::text AS executed_ms
           FROM retracted`,
        [retraction.tradeId, retraction.userId, retraction.reason],
      );
      const row = rows[0];
      if (!row) return false;
      const entry = toEntry(row);
      const deltas: BalanceDelta[] =
        entry.kind === 'transfer'
          ? [{ chainId: entry.chainId, token: entry.token, delta: entry.direction === 'in' ? -entry.amount : entry.amount }]
          : [
              { chainId: entry.chainId, token: entry.tokenIn, delta: entry.amountIn },
              { chainId: entry.chainId, token: entry.tokenOut, delta: -entry.amountOut },
              ...entry.fees.map((f) => ({ chainId: entry.chainId, token: f.token, delta: f.amount })),
            ];
      await this.applyDeltas(manager, retraction.userId, deltas);
      return true;
    });
  }

  /** The user's live (not retracted) ledger in the order it was applied. */
  async loadLedger(userId: string): Promise<BookedEntry[]> {
    const rows: LedgerRow[] = await this.dataSource.query(
      `SELECT trade_id, kind, chain_id, token_in, token_out, amount_in::text AS amount_in, amount_out::text AS amount_out, fees, valuation,
              (extract(epoch from executed_at) * 1000)::bigint::text AS executed_ms
         FROM trades WHERE user_id = $1 AND retracted_at IS NULL ORDER BY seq`,
      [userId],
    );
    return rows.map((row) => ({ entry: toEntry(row), valuation: loadValuation(row.valuation) }));
  }

  async loadBalances(userId: string): Promise<StoredBalance[]> {
    const rows: Array<{ chain_id: number; token: string; balance: string }> = await this.dataSource.query(
      `SELECT chain_id, token, balance::text AS balance FROM user_balances WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ chainId: r.chain_id, token: r.token, balance: BigInt(r.balance) }));
  }

  async countTrades(userId: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query(
      `SELECT count(*)::text AS n FROM trades WHERE user_id = $1 AND retracted_at IS NULL`,
      [userId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async applyDeltas(manager: EntityManager, userId: string, deltas: readonly BalanceDelta[]): Promise<void> {
    await manager.query(
      `INSERT INTO user_balances (user_id, chain_id, token, balance)
       SELECT $1, d.chain_id, d.token, sum(d.delta)
         FROM unnest($2::integer[], $3::text[], $4::numeric[]) AS d(chain_id, token, delta)
        GROUP BY d.chain_id, d.token
       ON CONFLICT (user_id, chain_id, token)
       DO UPDATE SET balance = user_balances.balance + EXCLUDED.balance, updated_at = now()`,
      [userId, deltas.map((d) => d.chainId), deltas.map((d) => d.token), deltas.map((d) => d.delta.toString())],
    );
  }
}
