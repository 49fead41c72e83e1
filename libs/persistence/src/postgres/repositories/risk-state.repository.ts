import { Injectable } from '@nestjs/common';
import { RiskStateRepository, type RiskStateToSave, type StoredRiskState } from '../../ports/risk-state.repository';
import { SqlDatabase } from '../../sql/sql-database';

/** Saves and loads what the risk service must not forget across restarts: user state and rule state, together. */
@Injectable()
export class PostgresRiskStateRepository extends RiskStateRepository {
  constructor(private readonly dataSource: SqlDatabase) {
    super();
  }

  async load(userId: string): Promise<StoredRiskState> {
    return (await this.loadMany([userId])).get(userId) ?? { state: null, rules: [] };
  }

  /**
   * Every given user's state and rule states in one query (one round trip for a whole batch of users). A user never
   * saved comes back as `{ state: null, rules: [] }`, so the map has an entry for every id asked for.
   */
  async loadMany(userIds: readonly string[]): Promise<Map<string, StoredRiskState>> {
    const ids = [...new Set(userIds)];
    const loaded = new Map<string, StoredRiskState>();
    if (ids.length === 0) return loaded;
    const rows: Array<{ user_id: string; state: unknown; rules: Array<{ ruleId: string; state: unknown }> }> = await this.dataSource.query(
      `SELECT ids.user_id, u.state,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('ruleId', r.rule_id, 'state', r.state) ORDER BY r.rule_id)
                          FROM rule_states r WHERE r.user_id = ids.user_id), '[]'::jsonb) AS rules
         FROM unnest($1::text[]) AS ids(user_id)
         LEFT JOIN user_risk_states u ON u.user_id = ids.user_id`,
      [ids],
    );
    for (const row of rows) loaded.set(row.user_id, { state: row.state ?? null, rules: row.rules });
    return loaded;
  }

  /** One transaction, so the user state and the rule state it produced never disagree after a crash. */
  async save(userId: string, state: unknown, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void> {
    await this.saveMany([{ userId, state, rules }]);
  }

  /**
   * Every user of a batch in one statement — both multi-row upserts, the user states in a data-modifying CTE — so all
   * of the batch's state is durable, or none (the batch is then redelivered and recomputed), in one round trip rather
   * than four (BEGIN, two upserts, COMMIT). The rows travel as one JSON document each, not as arrays of JSON text that
   * the driver would escape element by element. A user listed twice keeps the last entry, since one upsert may not
   * touch a row twice.
   */
  async saveMany(entries: readonly RiskStateToSave[]): Promise<void> {
    const byUser = new Map(entries.map((e) => [e.userId, e]));
    if (byUser.size === 0) return;
    const users = [...byUser.values()];
    const rules = users.flatMap((u) => u.rules.map((r) => ({ user_id: u.userId, rule_id: r.ruleId, state: r.state })));
    await this.dataSource.query(
      `WITH saved_users AS (
         INSERT INTO user_risk_states (user_id, state)
         SELECT u.user_id, u.state FROM jsonb_to_recordset($1::jsonb) AS u(user_id text, state jsonb)
         ON CONFLICT (user_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()
       )
       INSERT INTO rule_states (user_id, rule_id, state)
       SELECT r.user_id, r.rule_id, r.state FROM jsonb_to_recordset($2::jsonb) AS r(user_id text, rule_id text, state jsonb)
       ON CONFLICT (user_id, rule_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [JSON.stringify(users.map((u) => ({ user_id: u.userId, state: u.state }))), JSON.stringify(rules)],
    );
  }

  /**
   * Rule states alone, for an instance that changed a user's rules without holding the user (an acknowledgement seen
   * by every risk instance): the user state row belongs to the instance evaluating the user and is left alone.
   */
  async saveRuleStates(userId: string, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void> {
    if (rules.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO rule_states (user_id, rule_id, state)
       SELECT $1, r.rule_id, r.state FROM unnest($2::text[], $3::jsonb[]) AS r(rule_id, state)
       ON CONFLICT (user_id, rule_id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [userId, rules.map((r) => r.ruleId), rules.map((r) => JSON.stringify(r.state))],
    );
  }
}
