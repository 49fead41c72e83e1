import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the input behind an alert change was ingested (the trade or price, carried along the pipeline's records), so
 * delivery latency is measured from where the desk's clock starts, not from the risk service's evaluation.
 * Nullable: deliveries made before this column, and changes with no known input, fall back to the alert's time.
 */
export class AlertDeliveryIngestedAt1766500000000 implements MigrationInterface {
  name = 'AlertDeliveryIngestedAt1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_deliveries ADD COLUMN IF NOT EXISTS ingested_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_deliveries DROP COLUMN IF EXISTS ingested_at`);
  }
}
