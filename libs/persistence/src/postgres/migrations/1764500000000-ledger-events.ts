import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trades table becomes the user's whole ledger: swaps and transfers in arrival order (`seq`), each with the USD
 * valuation it was booked at, so positions can be rebuilt exactly after a restart or a reorg retraction.
 * Rows written before this migration have no valuation and replay as unvalued (their PnL shows as incomplete).
 */
export class LedgerEvents1764500000000 implements MigrationInterface {
  name = 'LedgerEvents1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE trades
        ADD COLUMN seq bigserial,
        ADD COLUMN kind text NOT NULL DEFAULT 'swap' CHECK (kind IN ('swap', 'transfer')),
        ADD COLUMN fees jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN origin jsonb,
        ADD COLUMN valuation jsonb,
        ADD COLUMN retracted_at timestamptz,
        ADD COLUMN retraction_reason text,
        ALTER COLUMN token_in DROP NOT NULL,
        ALTER COLUMN token_out DROP NOT NULL,
        ALTER COLUMN amount_in DROP NOT NULL,
        ALTER COLUMN amount_out DROP NOT NULL`);
    // A transfer in has only the received side, a transfer out only the given side; a swap has both.
    await q.query(`
      ALTER TABLE trades ADD CONSTRAINT trades_legs_check CHECK (
        (kind = 'swap' AND token_in IS NOT NULL AND token_out IS NOT NULL AND amount_in IS NOT NULL AND amount_out IS NOT NULL)
        OR (kind = 'transfer' AND ((token_in IS NULL) <> (token_out IS NULL))))`);
    await q.query(`CREATE INDEX trades_user_seq_idx ON trades (user_id, seq) WHERE retracted_at IS NULL`);
    await q.query(`
      CREATE TABLE rule_states (
        user_id     text NOT NULL,
        rule_id     text NOT NULL,
        state       jsonb NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, rule_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_states`);
    await q.query(`DROP INDEX trades_user_seq_idx`);
    await q.query(`DELETE FROM trades WHERE kind <> 'swap'`);
    await q.query(`
      ALTER TABLE trades
        DROP CONSTRAINT trades_legs_check,
        DROP COLUMN seq, DROP COLUMN kind, DROP COLUMN fees, DROP COLUMN origin, DROP COLUMN valuation,
        DROP COLUMN retracted_at, DROP COLUMN retraction_reason,
        ALTER COLUMN token_in SET NOT NULL, ALTER COLUMN token_out SET NOT NULL,
        ALTER COLUMN amount_in SET NOT NULL, ALTER COLUMN amount_out SET NOT NULL`);
  }
}
