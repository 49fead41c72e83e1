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
import { ChainIngestionService } from './chain-ingestion.service';
import { ChainReceiptDecoder } from './chain-receipt-decoder';
import { ChainReceiptsConsumer } from './chain-receipts.consumer';
import { ChainReceiptsController } from './chain-receipts.controller';
import { CHAIN_RPC_URLS, PoolMetadataResolver, parseRpcUrls } from './pool-metadata.resolver';

/** The ingestion API: validates trades, transfers, prices and chain receipts and publishes what they mean to Kafka. */
@Module({})
export class IngestionModule {
  static forRoot(config: Pick<IngestionConfig, 'INGESTION_API_KEYS' | 'INGESTION_MAX_BATCH' | 'DEX_POOLS_FILE' | 'CHAINLINK_FEEDS_FILE' | 'CHAIN_RPC_URLS'>): DynamicModule {
    return {
      module: IngestionModule,
      controllers: [TradesController, TransfersController, PricesController, ChainReceiptsController],
      providers: [
        IngestionService,
        ChainIngestionService,
        ChainReceiptsConsumer,
        PoolMetadataResolver,
        { provide: ChainReceiptDecoder, useValue: ChainReceiptDecoder.create({ poolsFile: config.DEX_POOLS_FILE, feedsFile: config.CHAINLINK_FEEDS_FILE }) },
        { provide: CHAIN_RPC_URLS, useValue: parseRpcUrls(config.CHAIN_RPC_URLS) },
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
        MessagingModule.forRoot({ settings: toKafkaSettings(config, 'ingestion'), topics: [Topics.chainReceipts, Topics.trades, Topics.prices] }),
        IngestionModule.forRoot(config),
      ],
    };
  }
}
