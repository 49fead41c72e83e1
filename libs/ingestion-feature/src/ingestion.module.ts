import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { API_KEYS, ApiKeyGuard } from './api-key.guard';
import type { IngestionConfig } from './ingestion.config';
import { IngestionService } from './ingestion.service';
import { PricesController } from './prices.controller';
import { MAX_BATCH, TradesController } from './trades.controller';
import { TransfersController } from './transfers.controller';

/** The ingestion API: validates trades and prices and publishes them to Kafka. */
@Module({})
export class IngestionModule {
  static forRoot(config: Pick<IngestionConfig, 'INGESTION_API_KEYS' | 'INGESTION_MAX_BATCH'>): DynamicModule {
    return {
      module: IngestionModule,
      controllers: [TradesController, TransfersController, PricesController],
      providers: [
        IngestionService,
        ApiKeyGuard,
        { provide: API_KEYS, useValue: config.INGESTION_API_KEYS },
        { provide: MAX_BATCH, useValue: config.INGESTION_MAX_BATCH },
      ],
    };
  }
}

/** The deployable ingestion service: the feature plus its infrastructure. */
@Module({})
export class IngestionServiceModule {
  static forRoot(config: IngestionConfig, logger: Logger): DynamicModule {
    return {
      module: IngestionServiceModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'ingestion', logger }),
        MessagingModule.forRoot({ settings: toKafkaSettings(config, 'ingestion'), topics: [Topics.trades, Topics.prices] }),
        IngestionModule.forRoot(config),
      ],
    };
  }
}
