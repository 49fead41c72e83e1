import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The rule engine's memory for one (user, rule): level, cooldown, acknowledgement — so a restart never re-alerts. */
@Entity({ name: 'rule_states' })
export class RuleStateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId!: string;

  @PrimaryColumn({ name: 'rule_id', type: 'text' })
  ruleId!: string;

  @Column({ type: 'jsonb' })
  state!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
