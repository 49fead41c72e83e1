import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trades (
        trade_id          text PRIMARY KEY,
        user_id           text NOT NULL,
        chain_id          integer NOT NULL,
        dex               text NOT NULL,
        token_in          text NOT NULL,
        token_out         text NOT NULL,
        amount_in         numeric(78, 0) NOT NULL CHECK (amount_in > 0),
        amount_out        numeric(78, 0) NOT NULL CHECK (amount_out > 0),
        executed_at       timestamptz NOT NULL,
        recorded_at       timestamptz NOT NULL DEFAULT now(),
        source_partition  integer,
        source_offset     bigint
      )`);
    await q.query(`CREATE INDEX trades_user_executed_idx ON trades (user_id, executed_at)`);
    await q.query(`
      CREATE TABLE user_balances (
        user_id     text NOT NULL,
        chain_id    integer NOT NULL,
        token       text NOT NULL,
        balance     numeric(80, 0) NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, chain_id, token)
      )`);
    await q.query(`
      CREATE TABLE alerts (
        alert_id         text PRIMARY KEY,
        rule_id          text NOT NULL,
        kind             text NOT NULL,
        user_id          text NOT NULL,
        severity         text NOT NULL,
        observed_value   numeric NOT NULL,
        threshold        numeric NOT NULL,
        message          text NOT NULL,
        triggered_at     timestamptz NOT NULL,
        source_event_id  text NOT NULL,
        status           text NOT NULL DEFAULT 'open',
        recorded_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX alerts_user_triggered_idx ON alerts (user_id, triggered_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alerts`);
    await q.query(`DROP TABLE user_balances`);
    await q.query(`DROP TABLE trades`);
  }
}
