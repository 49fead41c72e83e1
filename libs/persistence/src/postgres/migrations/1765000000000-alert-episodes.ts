import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert lifecycle: one row per (user, rule) episode with its state; on each recorded risk alert the episode it fed and
 * the notification it produced (republished when the risk alert is redelivered); each user's alert channels; each
 * delivery to a channel with every attempt.
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
        volume      jsonb NOT NULL DEFAULT '{"maxPerHour":null,"muteWindows":[]}',
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // Volume control: what each user's channels were sent per clock hour, and what was held back for a summary.
    await q.query(`
      CREATE TABLE alert_sends (
        user_id           text NOT NULL,
        notification_key  text NOT NULL,
        hour_start        timestamptz NOT NULL,
        PRIMARY KEY (user_id, notification_key)
      )`);
    await q.query(`CREATE INDEX alert_sends_hour_idx ON alert_sends (user_id, hour_start)`);
    await q.query(`
      CREATE TABLE alert_held (
        user_id           text NOT NULL,
        notification_key  text NOT NULL,
        notification      jsonb NOT NULL,
        reason            text NOT NULL CHECK (reason IN ('muted', 'hourly-cap')),
        held_at           timestamptz NOT NULL,
        release_at        timestamptz NOT NULL,
        summarized_at     timestamptz,
        PRIMARY KEY (user_id, notification_key)
      )`);
    await q.query(`CREATE INDEX alert_held_due_idx ON alert_held (release_at) WHERE summarized_at IS NULL`);
    // One row per (alert change, channel); its id is the idempotency id a receiver sees on every attempt.
    await q.query(`
      CREATE TABLE alert_deliveries (
        delivery_id      text PRIMARY KEY,
        user_id          text NOT NULL,
        alert_id         text NOT NULL,
        channel_kind     text NOT NULL,
        channel          jsonb NOT NULL,
        notification     jsonb NOT NULL,
        summary          jsonb,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts         integer NOT NULL DEFAULT 0,
        max_attempts     integer NOT NULL,
        next_attempt_at  timestamptz NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        delivered_at     timestamptz,
        last_error       text
      )`);
    await q.query(`CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX alert_deliveries_user_idx ON alert_deliveries (user_id, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE alert_delivery_attempts (
        delivery_id  text NOT NULL REFERENCES alert_deliveries (delivery_id) ON DELETE CASCADE,
        attempt      integer NOT NULL,
        started_at   timestamptz NOT NULL,
        duration_ms  integer NOT NULL,
        outcome      text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
        status_code  integer,
        error        text,
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_delivery_attempts`);
    await q.query(`DROP TABLE alert_deliveries`);
    await q.query(`DROP TABLE alert_held`);
    await q.query(`DROP TABLE alert_sends`);
    await q.query(`DROP TABLE alert_channels`);
    await q.query(`ALTER TABLE alerts DROP COLUMN notification, DROP COLUMN episode_id`);
    await q.query(`DROP TABLE alert_episodes`);
  }
}
