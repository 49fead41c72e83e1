import { Injectable } from '@nestjs/common';
import type { TradeView } from '@hyperdex/contracts';
import { SqlDatabase } from '../../sql/sql-database';

interface TradeRow {
  seq: string;
  trade_id: string;
  kind: 'swap' | 'transfer';
  chain_id: number;
  dex: string;
  token_in: string | null;
  token_out: string | null;
  amount_in: string | null;
  amount_out: string | null;
  executed_at: Date;
  recorded_at: Date;
  retracted_at: Date | null;
}

export interface TradePage {
  items: TradeView[];
  /** The `seq` to continue below; null on the last page. */
  nextSeq: string | null;
}

const ms = (d: Date | string): number => new Date(d).getTime();

/** Reads a user's booked ledger (the positions service's `trades` table), newest first, paged by booking order. */
@Injectable()
export class TradeHistoryRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** `beforeSeq`: the previous page's `nextSeq`; a keyset page, so rows booked meanwhile never shift later pages. */
  async page(userId: string, limit: number, beforeSeq?: string): Promise<TradePage> {
    const rows = await this.db.query<TradeRow>(
      `SELECT seq::text AS seq, trade_id, kind, chain_id, dex, token_in, token_out, amount_in::text AS amount_in,
              amount_out::text AS amount_out, executed_at, recorded_at, retracted_at
         FROM trades WHERE user_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
        ORDER BY seq DESC LIMIT $3`,
      [userId, beforeSeq ?? null, limit + 1],
    );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    return {
      items: page.map((r) => ({
        tradeId: r.trade_id,
        kind: r.kind,
        chainId: r.chain_id,
        dex: r.dex,
        tokenIn: r.token_in,
        tokenOut: r.token_out,
        amountIn: r.amount_in,
        amountOut: r.amount_out,
        executedAt: ms(r.executed_at),
        recordedAt: ms(r.recorded_at),
        retractedAt: r.retracted_at === null ? null : ms(r.retracted_at),
      })),
      nextSeq: more ? (page[page.length - 1]?.seq ?? null) : null,
    };
  }
}
