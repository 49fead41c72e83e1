import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every trade the positions service applied: the ledger that positions are derived from. */
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

  @Column({ name: 'token_in', type: 'text' })
  tokenIn!: string;

  @Column({ name: 'token_out', type: 'text' })
  tokenOut!: string;

  /** uint256 base units; numeric keeps every digit and TypeORM returns it as a string. */
  @Column({ name: 'amount_in', type: 'numeric', precision: 78, scale: 0 })
  amountIn!: string;

  @Column({ name: 'amount_out', type: 'numeric', precision: 78, scale: 0 })
  amountOut!: string;

  @Column({ name: 'executed_at', type: 'timestamptz' })
  executedAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'source_partition', type: 'integer', nullable: true })
  sourcePartition!: number | null;

  @Column({ name: 'source_offset', type: 'bigint', nullable: true })
  sourceOffset!: string | null;
}
