export interface StoredRiskState {
  /** The user's risk-core state snapshot; null for a user never seen. */
  state: unknown;
  /** Rule engine memory per rule id. */
  rules: Array<{ ruleId: string; state: unknown }>;
}

/** One user's state to save, with the rule state it produced. */
export interface RiskStateToSave {
  userId: string;
  state: unknown;
  rules: ReadonlyArray<{ ruleId: string; state: unknown }>;
}

/** What the risk service must not forget across restarts: each user's state and the rule state it produced, together. */
export abstract class RiskStateRepository {
  abstract load(userId: string): Promise<StoredRiskState>;

  /** Every given user's state in one round trip; a user never saved comes back as `{ state: null, rules: [] }`. */
  abstract loadMany(userIds: readonly string[]): Promise<Map<string, StoredRiskState>>;

  abstract save(userId: string, state: unknown, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void>;

  /** Every user of a batch atomically: all of its state is durable, or none. */
  abstract saveMany(entries: readonly RiskStateToSave[]): Promise<void>;
  /** Rule states alone (an acknowledgement seen by an instance not holding the user); the user's state row is left alone. */
  abstract saveRuleStates(userId: string, rules: ReadonlyArray<{ ruleId: string; state: unknown }>): Promise<void>;
}
