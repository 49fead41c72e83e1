import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every swap and transfer the positions service applied, in arrival order: the ledger positions are derived from.
 * A transfer fills only its side (out: token_in/amount_in, in: token_out/amount_out).
 */
@Entity({ name: 'trades' })
@Index('trades_user_executed_idx', ['userId', 'executedAt'])
export class TradeEntity {
  @PrimaryColumn({ name: 'trade_id', type: 'text' })
  tradeId!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @Column({ type: 'text' })
  dex!: string;

  @Column({ type: 'text', default: 'swap' })
  kind!: 'swap' | 'transfer';

  @Column({ name: 'token_in', type: 'text', nullable: true })
  tokenIn!: string | null;

  @Column({ name: 'token_out', type: 'text', nullable: true })
  tokenOut!: string | null;

  /** uint256 base units; numeric keeps every digit and TypeORM returns it as a string. */
  @Column({ name: 'amount_in', type: 'numeric', precision: 78, scale: 0, nullable: true })
  amountIn!: string | null;

  @Column({ name: 'amount_out', type: 'numeric', precision: 78, scale: 0, nullable: true })
  amountOut!: string | null;

  /** Fees paid on top of the swap, as on the wire: [{kind, token, amount}]. */
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  fees!: unknown;

  /** Chain provenance of a decoded trade (tx hash, logs, tx.from, event sender/recipient). */
  @Column({ type: 'jsonb', nullable: true })
  origin!: unknown;

  /** The USD valuation the event was booked at: {valueUsd, feesUsd[]} as decimal strings. */
  @Column({ type: 'jsonb', nullable: true })
  valuation!: unknown;

  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ name: 'retracted_at', type: 'timestamptz', nullable: true })
  retractedAt!: Date | null;

  @Column({ name: 'retraction_reason', type: 'text', nullable: true })
  retractionReason!: string | null;

  @Column({ name: 'executed_at', type: 'timestamptz' })
  executedAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'source_partition', type: 'integer', nullable: true })
  sourcePartition!: number | null;

  @Column({ name: 'source_offset', type: 'bigint', nullable: true })
  sourceOffset!: string | null;
}
