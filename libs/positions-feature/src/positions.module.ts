import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, ServiceMetrics, type Logger } from '@hyperdex/observability';
import { PostgresModule, RedisModule, toDatabaseSettings, toRedisSettings } from '@hyperdex/persistence';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ExposureBroadcaster } from './exposure-broadcaster';
import { PortfolioService } from './portfolio.service';
import type { PositionsConfig } from './positions.config';
import { POSITIONS_INSTANCE_ID, PositionsConsumer } from './positions.consumer';
import { loadTokenRegistry } from './token-registry.loader';
import { PositionBookCache } from './position-book-cache';
import { REVALUATION_SCHEDULE, type RevaluationSchedule } from './revaluation-schedule';

/** The book cache, with the origin document's active-positions gauge read from it at scrape (nothing per trade). */
function watchedBookCache(maxUsers: number, metrics: ServiceMetrics): PositionBookCache {
  const cache = new PositionBookCache(maxUsers);
  metrics.gauge('hyperdex_active_positions', 'Open (non-zero) positions of the users this instance holds in memory', (gauge) => gauge.set(cache.openPositions()));
  metrics.gauge('hyperdex_positions_cached_users', 'Users whose books this instance holds in memory', (gauge) => gauge.set(cache.size));
  return cache;
}

/** Positions: balances per user from trades, valued at the latest prices. */
@Module({})
export class PositionsModule {
  static forRoot(
    config: Pick<
      PositionsConfig,
      'TOKEN_REGISTRY_FILE' | 'POSITIONS_INSTANCE_ID' | 'POSITIONS_MAX_CACHED_USERS' | 'POSITIONS_PRICE_REVALUE_INTERVAL_MS' | 'POSITIONS_REVALUE_BATCH'
    >,
  ): DynamicModule {
    const schedule: RevaluationSchedule = { intervalMs: config.POSITIONS_PRICE_REVALUE_INTERVAL_MS, batchSize: config.POSITIONS_REVALUE_BATCH };
    return {
      module: PositionsModule,
      providers: [
        { provide: TokenRegistry, useValue: loadTokenRegistry(config.TOKEN_REGISTRY_FILE) },
        { provide: POSITIONS_INSTANCE_ID, useValue: config.POSITIONS_INSTANCE_ID },
        { provide: PositionBookCache, inject: [ServiceMetrics], useFactory: (metrics: ServiceMetrics) => watchedBookCache(config.POSITIONS_MAX_CACHED_USERS, metrics) },
        { provide: REVALUATION_SCHEDULE, useValue: schedule },
        ExposureBroadcaster,
        PortfolioService,
        PositionsConsumer,
      ],
      exports: [PortfolioService],
    };
  }
}

/** The deployable positions service. */
@Module({})
export class PositionsServiceModule {
  static forRoot(config: PositionsConfig, logger: Logger): DynamicModule {
    return {
      module: PositionsServiceModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'positions', logger }),
        MessagingModule.forRoot({
          settings: toKafkaSettings(config, 'positions'),
          topics: [Topics.trades, Topics.tokens, Topics.prices, Topics.positions],
        }),
        PostgresModule.forRoot(toDatabaseSettings(config)),
        RedisModule.forRoot(toRedisSettings(config)),
        PositionsModule.forRoot(config),
      ],
    };
  }
}
