import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '../../sql/sql-database';
import type { AlertChannel, AlertVolume } from '@hyperdex/contracts';

/** What a user set: channels (with credentials, for delivery) and volume control. */
export interface UserAlertSettings {
  readonly channels: AlertChannel[];
  readonly volume: AlertVolume;
}

const NO_LIMITS: AlertVolume = { maxPerHour: null, muteWindows: [] };

/** Each user's alert channels and volume control, stored whole (a PUT replaces them). */
@Injectable()
export class AlertChannelRepository {
  constructor(private readonly dataSource: SqlDatabase) {}

  async put(userId: string, channels: readonly AlertChannel[], volume: AlertVolume = NO_LIMITS): Promise<UserAlertSettings & { updatedAt: number }> {
    const rows: Array<{ channels: AlertChannel[]; volume: AlertVolume; updated_at: Date }> = await this.dataSource.query(
      `INSERT INTO alert_channels (user_id, channels, volume) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, volume = EXCLUDED.volume, updated_at = now()
       RETURNING channels, volume, updated_at`,
      [userId, JSON.stringify(channels), JSON.stringify(volume)],
    );
    const row = rows[0] as { channels: AlertChannel[]; volume: AlertVolume; updated_at: Date };
    return { channels: row.channels, volume: row.volume, updatedAt: row.updated_at.getTime() };
  }

  /** A user who never set channels has none and no limits (dashboards still receive every alert). */
  async get(userId: string): Promise<UserAlertSettings & { updatedAt: number | null }> {
    const rows: Array<{ channels: AlertChannel[]; volume: AlertVolume; updated_at: Date }> = await this.dataSource.query(
      `SELECT channels, volume, updated_at FROM alert_channels WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ? { channels: rows[0].channels, volume: rows[0].volume, updatedAt: rows[0].updated_at.getTime() } : { channels: [], volume: NO_LIMITS, updatedAt: null };
  }

  /** Several users' settings in one query; users who set nothing are absent. */
  async getMany(userIds: readonly string[]): Promise<Map<string, UserAlertSettings>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ user_id: string; channels: AlertChannel[]; volume: AlertVolume }> = await this.dataSource.query(
      `SELECT user_id, channels, volume FROM alert_channels WHERE user_id = ANY($1::text[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((r) => [r.user_id, { channels: r.channels, volume: r.volume }]));
  }
}
