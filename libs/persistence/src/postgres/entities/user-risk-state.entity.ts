import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One user's incremental risk state as the risk service last saved it (a JSON snapshot of risk-core's state). */
@Entity({ name: 'user_risk_states' })
export class UserRiskStateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ type: 'jsonb' })
  state!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
