import { Module, type DynamicModule } from '@nestjs/common';
import { Topics, TokenRegistryFileSchema } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, readJsonConfigFile, type Logger } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';
import { API_KEYS, ApiKeyGuard } from './api-key.guard';
import type { IngestionConfig } from './ingestion.config';
import { IngestionService } from './ingestion.service';
import { PricesController } from './prices.controller';
import { MAX_BATCH, TradesController } from './trades.controller';
import { TransfersController } from './transfers.controller';
import { CHAIN_PRICE_MAX_AGE_MS, ChainIngestionService } from './chain-ingestion.service';
import { ChainReceiptDecoder } from './chain-receipt-decoder';
import { ChainReceiptsConsumer } from './chain-receipts.consumer';
import { ChainReceiptsController } from './chain-receipts.controller';
import { ChainRpcClients } from './chain-rpc-clients';
import { PoolMetadataResolver } from './pool-metadata.resolver';
import { TokenMetadataResolver } from './token-metadata.resolver';

/** The ingestion API: validates trades, transfers, prices and chain receipts and publishes what they mean to Kafka. */
@Module({})
export class IngestionModule {
  static forRoot(config: Pick<IngestionConfig, 'INGESTION_API_KEYS' | 'INGESTION_MAX_BATCH' | 'DEX_POOLS_FILE' | 'CHAINLINK_FEEDS_FILE' | 'CHAIN_RPC_URLS' | 'TOKEN_REGISTRY_FILE' | 'CHAIN_PRICE_MAX_AGE_MS'>): DynamicModule {
    // One registry for decoding (decimals, stablecoin references) and for what the RPC endpoint teaches.
    const tokens = TokenRegistry.withExtras(config.TOKEN_REGISTRY_FILE ? readJsonConfigFile('TOKEN_REGISTRY_FILE', config.TOKEN_REGISTRY_FILE, TokenRegistryFileSchema) : []);
    return {
      module: IngestionModule,
      controllers: [TradesController, TransfersController, PricesController, ChainReceiptsController],
      providers: [
        IngestionService,
        ChainIngestionService,
        ChainReceiptsConsumer,
        PoolMetadataResolver,
        TokenMetadataResolver,
        { provide: TokenRegistry, useValue: tokens },
        { provide: ChainReceiptDecoder, useValue: ChainReceiptDecoder.create({ poolsFile: config.DEX_POOLS_FILE, feedsFile: config.CHAINLINK_FEEDS_FILE }, tokens) },
        { provide: CHAIN_PRICE_MAX_AGE_MS, useValue: config.CHAIN_PRICE_MAX_AGE_MS },
        { provide: ChainRpcClients, useValue: ChainRpcClients.fromEnv(config.CHAIN_RPC_URLS) },
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
        MessagingModule.forRoot({ settings: toKafkaSettings(config, 'ingestion'), topics: [Topics.chainReceipts, Topics.tokens, Topics.trades, Topics.prices] }),
        IngestionModule.forRoot(config),
      ],
    };
  }
}
