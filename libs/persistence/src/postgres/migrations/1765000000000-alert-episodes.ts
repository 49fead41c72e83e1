import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert lifecycle: one row per (user, rule) episode with its state; on each recorded risk alert the episode it fed and
 * the notification it produced (republished when the risk alert is redelivered); each user's alert channels.
 */
export class AlertEpisodes1765000000000 implements MigrationInterface {
  name = 'AlertEpisodes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_episodes (
        alert_id          text PRIMARY KEY,
        user_id           text NOT NULL,
        rule_id           text NOT NULL,
        severity          text NOT NULL,
        state             text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
        version           integer NOT NULL,
        alert             jsonb NOT NULL,
        opened_at         timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        acknowledged_at   timestamptz,
        acknowledged_by   text,
        resolved_at       timestamptz,
        resolved_by       text,
        last_notified_at  timestamptz NOT NULL,
        notifications     integer NOT NULL
      )`);
    // At most one live episode per (user, rule): the lifecycle's central promise, kept by the database.
    await q.query(`CREATE UNIQUE INDEX alert_episodes_live_idx ON alert_episodes (user_id, rule_id) WHERE state <> 'resolved'`);
    await q.query(`CREATE INDEX alert_episodes_history_idx ON alert_episodes (user_id, opened_at DESC, alert_id DESC)`);
    await q.query(`CREATE INDEX alert_episodes_renotify_idx ON alert_episodes (last_notified_at) WHERE state = 'open'`);
    await q.query(`ALTER TABLE alerts ADD COLUMN episode_id text, ADD COLUMN notification jsonb`);
    await q.query(`
      CREATE TABLE alert_channels (
        user_id     text PRIMARY KEY,
        channels    jsonb NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_channels`);
    await q.query(`ALTER TABLE alerts DROP COLUMN notification, DROP COLUMN episode_id`);
    await q.query(`DROP TABLE alert_episodes`);
  }
}
