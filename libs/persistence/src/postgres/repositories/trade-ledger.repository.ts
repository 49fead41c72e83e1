import { Injectable } from '@nestjs/common';
import { ledgerEventId, type Trade, type TradeRetraction, type Transfer } from '@hyperdex/contracts';
import { formatUsd, parseUsd, type LedgerEntry, type LedgerValuation } from '@hyperdex/risk-core';
import {
  TradeLedgerRepository,
  type BalanceDelta,
  type BookedEntry,
  type EventToRecord,
  type RecordedEntry,
  type RecordedEvent,
  type StoredBalance,
  type TradeSource,
} from '../../ports/trade-ledger.repository';
import { SqlDatabase, type SqlQuerier } from '../../sql/sql-database';

interface UserBalanceDelta extends BalanceDelta {
  userId: string;
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
export class PostgresTradeLedgerRepository extends TradeLedgerRepository {
  constructor(private readonly dataSource: SqlDatabase) {
    super();
  }

  /** Returns true when the event was new and its balance deltas were applied (a batch of one). */
  async recordEvent(event: Trade | Transfer, valuation: LedgerValuation, source: TradeSource | null): Promise<boolean> {
    const recorded = await this.recordEvents([{ event, valuation, source }]);
    return recorded.has(ledgerEventId(event));
  }

  /**
   * Records a batch of swaps and transfers in one statement, so in one round trip rather than four (BEGIN, two
   * inserts, COMMIT), and as atomically: a multi-row insert of the ledger rows (in the given order, so `seq` keeps the
   * arrival order) in a data-modifying CTE, and one aggregated upsert of the balance deltas of only the rows it
   * inserted. An id already in the ledger, or repeated within the batch (the first occurrence wins), changes nothing.
   * Returns the ids that were new.
   */
  async recordEvents(events: readonly EventToRecord[]): Promise<Set<string>> {
    const firsts = firstOccurrences(events);
    if (firsts.length === 0) return new Set();
    const rows = firsts.map(toLedgerRowValues);
    // Every first occurrence's deltas, named by its id; the statement applies those of the rows it inserted.
    const deltas = firsts.flatMap(({ event }) => balanceDeltas(event).map((delta) => ({ tradeId: ledgerEventId(event), userId: event.userId, ...delta })));
    const inserted: Array<{ trade_id: string }> = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO trades (trade_id, kind, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out, fees,
                             origin, valuation, executed_at, source_partition, source_offset)
         SELECT e.trade_id, e.kind, e.user_id, e.chain_id, e.dex, e.token_in, e.token_out, e.amount_in, e.amount_out, e.fees,
                e.origin, e.valuation, to_timestamp(e.executed_ms::double precision / 1000), e.source_partition, e.source_offset
           FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::numeric[],
                       $9::numeric[], $10::jsonb[], $11::jsonb[], $12::jsonb[], $13::bigint[], $14::integer[], $15::bigint[])
                WITH ORDINALITY AS e(trade_id, kind, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out, fees,
                                     origin, valuation, executed_ms, source_partition, source_offset, ord)
          ORDER BY e.ord
         ON CONFLICT (trade_id) DO NOTHING
         RETURNING trade_id
       ), balances AS (
         INSERT INTO user_balances (user_id, chain_id, token, balance)
         SELECT d.user_id, d.chain_id, d.token, sum(d.delta)
           FROM unnest($16::text[], $17::text[], $18::integer[], $19::text[], $20::numeric[]) AS d(trade_id, user_id, chain_id, token, delta)
          WHERE d.trade_id IN (SELECT trade_id FROM inserted)
          GROUP BY d.user_id, d.chain_id, d.token
         ON CONFLICT (user_id, chain_id, token)
         DO UPDATE SET balance = user_balances.balance + EXCLUDED.balance, updated_at = now()
       )
       SELECT trade_id FROM inserted`,
      [
        rows.map((r) => r.tradeId),
        rows.map((r) => r.kind),
        rows.map((r) => r.userId),
        rows.map((r) => r.chainId),
        rows.map((r) => r.dex),
        rows.map((r) => r.tokenIn),
        rows.map((r) => r.tokenOut),
        rows.map((r) => r.amountIn),
        rows.map((r) => r.amountOut),
        rows.map((r) => r.fees),
        rows.map((r) => r.origin),
        rows.map((r) => r.valuation),
        rows.map((r) => r.executedMs),
        rows.map((r) => r.sourcePartition),
        rows.map((r) => r.sourceOffset),
        deltas.map((d) => d.tradeId),
        deltas.map((d) => d.userId),
        deltas.map((d) => d.chainId),
        deltas.map((d) => d.token),
        deltas.map((d) => d.delta.toString()),
      ],
    );
    return new Set(inserted.map((r) => r.trade_id));
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
      await this.applyDeltas(manager, deltas.map((d) => ({ userId: retraction.userId, ...d })));
      return true;
    });
  }

  /** The user's live (not retracted) ledger in the order it was applied. */
  async loadLedger(userId: string): Promise<BookedEntry[]> {
    return (await this.loadLedgers([userId])).get(userId) ?? [];
  }

  /**
   * The live ledgers of several users in one query, each in the order it was applied; every requested user has an
   * entry (empty when they have no events), so a caller can tell "no events" from "not asked".
   */
  async loadLedgers(userIds: readonly string[]): Promise<Map<string, BookedEntry[]>> {
    const ledgers = new Map<string, BookedEntry[]>(userIds.map((userId) => [userId, []]));
    if (ledgers.size === 0) return ledgers;
    const rows: Array<LedgerRow & { user_id: string }> = await this.dataSource.query(
      `SELECT user_id, trade_id, kind, chain_id, token_in, token_out, amount_in::text AS amount_in, amount_out::text AS amount_out,
              fees, valuation, (extract(epoch from executed_at) * 1000)::bigint::text AS executed_ms
         FROM trades WHERE user_id = ANY($1::text[]) AND retracted_at IS NULL ORDER BY user_id, seq`,
      [[...ledgers.keys()]],
    );
    for (const row of rows) ledgers.get(row.user_id)?.push({ entry: toEntry(row), valuation: loadValuation(row.valuation) });
    return ledgers;
  }

  async loadHistory(until: number, userIds?: readonly string[]): Promise<RecordedEntry[]> {
    const rows: Array<LedgerRow & { user_id: string; recorded_ms: string }> = await this.dataSource.query(
      `SELECT user_id, trade_id, kind, chain_id, token_in, token_out, amount_in::text AS amount_in, amount_out::text AS amount_out,
              fees, valuation, (extract(epoch from executed_at) * 1000)::bigint::text AS executed_ms,
              (extract(epoch from recorded_at) * 1000)::bigint::text AS recorded_ms
         FROM trades
        WHERE retracted_at IS NULL AND recorded_at <= $1 AND ($2::text[] IS NULL OR user_id = ANY($2::text[]))
        ORDER BY seq`,
      [new Date(until).toISOString(), userIds ? [...userIds] : null],
    );
    return rows.map((row) => ({ userId: row.user_id, recordedAt: Number(row.recorded_ms), entry: toEntry(row), valuation: loadValuation(row.valuation) }));
  }
  async loadRecorded(ids: readonly string[]): Promise<Map<string, RecordedEvent>> {
    const recorded = new Map<string, RecordedEvent>();
    if (ids.length === 0) return recorded;
    const rows: Array<LedgerRow & { user_id: string; retracted: boolean }> = await this.dataSource.query(
      `SELECT user_id, trade_id, kind, chain_id, token_in, token_out, amount_in::text AS amount_in, amount_out::text AS amount_out,
              fees, valuation, (extract(epoch from executed_at) * 1000)::bigint::text AS executed_ms, retracted_at IS NOT NULL AS retracted
         FROM trades WHERE trade_id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    for (const row of rows) recorded.set(row.trade_id, { userId: row.user_id, entry: toEntry(row), retracted: row.retracted });
    return recorded;
  }

  async loadHolders(chainId: number, token: string, partitions: readonly number[]): Promise<Array<{ userId: string; partition: number }>> {
    if (partitions.length === 0) return [];
    const rows: Array<{ user_id: string; source_partition: number }> = await this.dataSource.query(
      `SELECT b.user_id, p.source_partition
         FROM user_balances b
         CROSS JOIN LATERAL (SELECT t.source_partition FROM trades t
                              WHERE t.user_id = b.user_id AND t.source_partition IS NOT NULL
                              ORDER BY t.seq DESC LIMIT 1) p
        WHERE b.chain_id = $1 AND b.token = $2 AND b.balance <> 0 AND p.source_partition = ANY($3::integer[])
        ORDER BY b.user_id`,
      [chainId, token, [...partitions]],
    );
    return rows.map((r) => ({ userId: r.user_id, partition: r.source_partition }));
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

  /** One aggregated upsert: the deltas of a batch are summed per (user, token) before they touch a row. */
  private async applyDeltas(manager: SqlQuerier, deltas: readonly UserBalanceDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    await manager.query(
      `INSERT INTO user_balances (user_id, chain_id, token, balance)
       SELECT d.user_id, d.chain_id, d.token, sum(d.delta)
         FROM unnest($1::text[], $2::integer[], $3::text[], $4::numeric[]) AS d(user_id, chain_id, token, delta)
        GROUP BY d.user_id, d.chain_id, d.token
       ON CONFLICT (user_id, chain_id, token)
       DO UPDATE SET balance = user_balances.balance + EXCLUDED.balance, updated_at = now()`,
      [deltas.map((d) => d.userId), deltas.map((d) => d.chainId), deltas.map((d) => d.token), deltas.map((d) => d.delta.toString())],
    );
  }
}

/** The first occurrence of each id, in order: a later one in the same batch is a redelivery of the same event. */
function firstOccurrences(events: readonly EventToRecord[]): EventToRecord[] {
  const seen = new Set<string>();
  return events.filter(({ event }) => {
    const id = ledgerEventId(event);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The column values of one ledger row: a transfer in fills only the received side, a transfer out only the given one. */
function toLedgerRowValues({ event, valuation, source }: EventToRecord) {
  const swap = event.kind !== 'transfer';
  const outgoing = !swap && event.direction === 'out';
  return {
    tradeId: ledgerEventId(event),
    kind: swap ? 'swap' : 'transfer',
    userId: event.userId,
    chainId: event.chainId,
    dex: swap ? event.dex : 'transfer',
    tokenIn: swap ? event.tokenIn : outgoing ? event.token : null,
    tokenOut: swap ? event.tokenOut : outgoing ? null : event.token,
    amountIn: swap ? event.amountIn : outgoing ? event.amount : null,
    amountOut: swap ? event.amountOut : outgoing ? null : event.amount,
    fees: JSON.stringify(swap ? (event.fees ?? []) : []),
    origin: swap && event.origin ? JSON.stringify(event.origin) : null,
    valuation: JSON.stringify(storeValuation(valuation)),
    executedMs: String(event.timestamp),
    sourcePartition: source?.partition ?? null,
    sourceOffset: source?.offset ?? null,
  };
}
