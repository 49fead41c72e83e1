import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The risk service's memory of each user (equity index, trade stats, daily PnL), so a restart resumes, not resets. */
export class RiskState1764600000000 implements MigrationInterface {
  name = 'RiskState1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_risk_states (
        user_id     text PRIMARY KEY,
        state       jsonb NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_risk_states`);
  }
}
