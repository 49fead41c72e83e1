import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from './database.settings';
import { AlertEntity } from './entities/alert.entity';
import { TradeEntity } from './entities/trade.entity';
import { UserBalanceEntity } from './entities/user-balance.entity';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { LedgerEvents1764500000000 } from './migrations/1764500000000-ledger-events';
import { RuleStateEntity } from './entities/rule-state.entity';
import { UserRiskStateEntity } from './entities/user-risk-state.entity';
import { RiskState1764600000000 } from './migrations/1764600000000-risk-state';
import { AlertEpisodes1765000000000 } from './migrations/1765000000000-alert-episodes';
import { GatewayReads1765600000000 } from './migrations/1765600000000-gateway-reads';
import { PriceHistory1766000000000 } from './migrations/1766000000000-price-history';
import { DexPoolsFollowCursor1766300000000 } from './migrations/1766300000000-dex-pools-follow-cursor';
import { AlertDeliveryIngestedAt1766500000000 } from './migrations/1766500000000-alert-delivery-ingested-at';
import { PriceTicksByTime1766700000000 } from './migrations/1766700000000-price-ticks-by-time';

export const ENTITIES = [TradeEntity, UserBalanceEntity, AlertEntity, RuleStateEntity, UserRiskStateEntity];
/** Listed explicitly (not globbed) so bundled services and the migration script see the same set. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  LedgerEvents1764500000000,
  RiskState1764600000000,
  AlertEpisodes1765000000000,
  GatewayReads1765600000000,
  PriceHistory1766000000000,
  DexPoolsFollowCursor1766300000000,
  AlertDeliveryIngestedAt1766500000000,
  PriceTicksByTime1766700000000,
];

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    host: settings.host,
    port: settings.port,
    username: settings.user,
    password: settings.password,
    database: settings.database,
    ssl: settings.ssl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: settings.poolSize },
  };
}

/** Applies pending migrations; returns the names applied. */
export async function runMigrations(settings: DatabaseSettings): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(settings));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
