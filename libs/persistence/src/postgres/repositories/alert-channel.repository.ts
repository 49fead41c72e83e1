import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AlertChannel } from '@hyperdex/contracts';

/** Each user's alert channels, stored whole (a PUT replaces the set). Credentials are kept for delivery. */
@Injectable()
export class AlertChannelRepository {
  constructor(private readonly dataSource: DataSource) {}

  async put(userId: string, channels: readonly AlertChannel[]): Promise<{ channels: AlertChannel[]; updatedAt: number }> {
    const rows: Array<{ channels: AlertChannel[]; updated_at: Date }> = await this.dataSource.query(
      `INSERT INTO alert_channels (user_id, channels) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, updated_at = now()
       RETURNING channels, updated_at`,
      [userId, JSON.stringify(channels)],
    );
    const row = rows[0] as { channels: AlertChannel[]; updated_at: Date };
    return { channels: row.channels, updatedAt: row.updated_at.getTime() };
  }

  /** A user who never set channels has none (dashboards still receive every alert). */
  async get(userId: string): Promise<{ channels: AlertChannel[]; updatedAt: number | null }> {
    const rows: Array<{ channels: AlertChannel[]; updated_at: Date }> = await this.dataSource.query(
      `SELECT channels, updated_at FROM alert_channels WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ? { channels: rows[0].channels, updatedAt: rows[0].updated_at.getTime() } : { channels: [], updatedAt: null };
  }

  /** Several users' channels in one query; users without channels are absent. */
  async getMany(userIds: readonly string[]): Promise<Map<string, AlertChannel[]>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ user_id: string; channels: AlertChannel[] }> = await this.dataSource.query(
      `SELECT user_id, channels FROM alert_channels WHERE user_id = ANY($1::text[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((r) => [r.user_id, r.channels]));
  }
}
