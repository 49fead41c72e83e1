import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StoredRiskState {
  /** The user's risk-core state snapshot; null for a user never seen. */
  state: unknown;
  /** Rule engine memory per rule id. */
  rules: Array<{ ruleId: string; state: unknown }>;
}

/** Saves and loads what the risk service must not forget across restarts: user state and rule state, together. */
@Injectable()
export class RiskStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<StoredRiskState> {
    const [users, rules]: [Array<{ state: unknown }>, Array<{ rule_id: string; state: unknown }>] = await Promise.all([
      this.dataSource.query(`SELECT state FROM user_risk_states WHERE user_id = $1`, [userId]),
      this.dataSource.query(`SELECT rule_id, state FROM rule_states WHERE user_id = $1`, [userId]),
    ]);
    return { state: users[0]?.state ?? null, rules: rules.map((r) => ({ ruleId: r.rule_id, state: r.state })) };
  }

  /** One transaction, so the user state and the rule state it produced never disagree after a crash. */
  async save(userId: string, state: unknown, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO user_risk_states (user_id, state) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [userId, JSON.stringify(state)],
      );
      if (rules.length === 0) return;
      await manager.query(
        `INSERT INTO rule_states (user_id, rule_id, state)
         SELECT $1, r.rule_id, r.state FROM unnest($2::text[], $3::jsonb[]) AS r(rule_id, state)
         ON CONFLICT (user_id, rule_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [userId, rules.map((r) => r.ruleId), rules.map((r) => JSON.stringify(r.state))],
      );
    });
  }
}
