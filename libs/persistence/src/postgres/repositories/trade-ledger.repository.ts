import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Trade } from '@hyperdex/contracts';

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

/**
 * The trade ledger and the balances derived from it, written in one transaction. A trade id seen before
 * changes nothing, so a redelivered Kafka record is never counted twice.
 */
@Injectable()
export class TradeLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns true when the trade was new and its balance deltas were applied. */
  async recordTrade(trade: Trade, deltas: readonly BalanceDelta[], source: TradeSource | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO trades (trade_id, user_id, chain_id, dex, token_in, token_out, amount_in, amount_out,
                             executed_at, source_partition, source_offset)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9::double precision / 1000), $10, $11)
         ON CONFLICT (trade_id) DO NOTHING
         RETURNING trade_id`,
        [
          trade.tradeId,
          trade.userId,
          trade.chainId,
          trade.dex,
          trade.tokenIn,
          trade.tokenOut,
          trade.amountIn,
          trade.amountOut,
          trade.timestamp,
          source?.partition ?? null,
          source?.offset ?? null,
        ],
      );
      if (inserted.length === 0) return false;
      await manager.query(
        `INSERT INTO user_balances (user_id, chain_id, token, balance)
         SELECT $1, d.chain_id, d.token, d.delta
           FROM unnest($2::integer[], $3::text[], $4::numeric[]) AS d(chain_id, token, delta)
         ON CONFLICT (user_id, chain_id, token)
         DO UPDATE SET balance = user_balances.balance + EXCLUDED.balance, updated_at = now()`,
        [trade.userId, deltas.map((d) => d.chainId), deltas.map((d) => d.token), deltas.map((d) => d.delta.toString())],
      );
      return true;
    });
  }

  async loadBalances(userId: string): Promise<StoredBalance[]> {
    const rows: Array<{ chain_id: number; token: string; balance: string }> = await this.dataSource.query(
      `SELECT chain_id, token, balance::text AS balance FROM user_balances WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => ({ chainId: r.chain_id, token: r.token, balance: BigInt(r.balance) }));
  }

  async countTrades(userId: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query(`SELECT count(*)::text AS n FROM trades WHERE user_id = $1`, [
      userId,
    ]);
    return Number(rows[0]?.n ?? 0);
  }
}
