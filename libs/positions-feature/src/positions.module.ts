import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, RedisModule, toDatabaseSettings, toRedisSettings } from '@hyperdex/persistence';
import { TokenRegistry } from '@hyperdex/risk-core';
import { PortfolioService } from './portfolio.service';
import type { PositionsConfig } from './positions.config';
import { POSITIONS_INSTANCE_ID, PositionsConsumer } from './positions.consumer';
import { loadTokenRegistry } from './token-registry.loader';
import { PositionBookCache } from './position-book-cache';

/** Positions: balances per user from trades, valued at the latest prices. */
@Module({})
export class PositionsModule {
  static forRoot(config: Pick<PositionsConfig, 'TOKEN_REGISTRY_FILE' | 'POSITIONS_INSTANCE_ID' | 'POSITIONS_MAX_CACHED_USERS'>): DynamicModule {
    return {
      module: PositionsModule,
      providers: [
        { provide: TokenRegistry, useValue: loadTokenRegistry(config.TOKEN_REGISTRY_FILE) },
        { provide: POSITIONS_INSTANCE_ID, useValue: config.POSITIONS_INSTANCE_ID },
        { provide: PositionBookCache, useValue: new PositionBookCache(config.POSITIONS_MAX_CACHED_USERS) },
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
