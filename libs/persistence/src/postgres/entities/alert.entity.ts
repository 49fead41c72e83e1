import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An alert raised by a risk rule, as recorded by the alerting service. */
@Entity({ name: 'alerts' })
@Index('alerts_user_triggered_idx', ['userId', 'triggeredAt'])
export class AlertEntity {
  @PrimaryColumn({ name: 'alert_id', type: 'text' })
  alertId!: string;

  @Column({ name: 'rule_id', type: 'text' })
  ruleId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'user_id', type: 'text' })
  userId!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ name: 'observed_value', type: 'numeric' })
  observedValue!: string;

  @Column({ type: 'numeric' })
  threshold!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'triggered_at', type: 'timestamptz' })
  triggeredAt!: Date;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
