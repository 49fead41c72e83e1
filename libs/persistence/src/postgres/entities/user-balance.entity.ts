import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's net base-unit balance of one token, updated in the same transaction as the trade that moved it. */
@Entity({ name: 'user_balances' })
export class UserBalanceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ type: 'text' })
  token!: string;

  /** Signed: selling more than the trades seen so far bought leaves a negative balance. */
  @Column({ type: 'numeric', precision: 80, scale: 0 })
  balance!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
