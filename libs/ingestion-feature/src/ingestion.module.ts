import { Module, type DynamicModule } from '@nestjs/common';
import { Topics, TokenRegistryFileSchema } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, readJsonConfigFile, type Logger } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';
import { API_KEYS, ApiKeyGuard, KEY_RATE_LIMITER } from './api-key.guard';
import { KeyRateLimiter, keyRates } from './key-rate-limiter';
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
import { chainFollowEnvSchema } from './chain-follow/chain-follow.config';
import { CHAIN_FOLLOW_SETTINGS, ChainFollowService, type ChainFollowSettings } from './chain-follow/chain-follow.service';
import { databaseEnvSchema, toDatabaseSettings } from '@hyperdex/persistence';
import { SharedPoolsShutdown, sharedPoolsProvider } from './pool-store/shared-pools.provider';

/** The follower's settings from the validated config; absent fields (a spec's partial config) take their defaults. */
const chainFollowSettings = (config: Partial<IngestionConfig>): ChainFollowSettings => {
  const follow = chainFollowEnvSchema.parse({});
  const db = databaseEnvSchema.parse({});
  return {
    env: {
      ...follow,
      ...(config.CHAIN_FOLLOW !== undefined ? { CHAIN_FOLLOW: config.CHAIN_FOLLOW } : {}),
      ...(config.CHAIN_FOLLOW_ADDRESSES !== undefined ? { CHAIN_FOLLOW_ADDRESSES: config.CHAIN_FOLLOW_ADDRESSES } : {}),
      ...(config.CHAIN_FOLLOW_FROM_BLOCK !== undefined ? { CHAIN_FOLLOW_FROM_BLOCK: config.CHAIN_FOLLOW_FROM_BLOCK } : {}),
      CHAIN_FOLLOW_CONFIRMATIONS: config.CHAIN_FOLLOW_CONFIRMATIONS ?? follow.CHAIN_FOLLOW_CONFIRMATIONS,
      CHAIN_FOLLOW_POLL_MS: config.CHAIN_FOLLOW_POLL_MS ?? follow.CHAIN_FOLLOW_POLL_MS,
      CHAIN_FOLLOW_REORG_DEPTH: config.CHAIN_FOLLOW_REORG_DEPTH ?? follow.CHAIN_FOLLOW_REORG_DEPTH,
    },
    database: toDatabaseSettings({
      ...db,
      DATABASE_HOST: config.DATABASE_HOST ?? db.DATABASE_HOST,
      DATABASE_PORT: config.DATABASE_PORT ?? db.DATABASE_PORT,
      DATABASE_USER: config.DATABASE_USER ?? db.DATABASE_USER,
      DATABASE_NAME: config.DATABASE_NAME ?? db.DATABASE_NAME,
      DATABASE_SSL: config.DATABASE_SSL ?? db.DATABASE_SSL,
      ...(config.DATABASE_PASSWORD !== undefined ? { DATABASE_PASSWORD: config.DATABASE_PASSWORD } : {}),
    }),
  };
};

/** The ingestion API: validates trades, transfers, prices and chain receipts and publishes what they mean to Kafka. */
@Module({})
export class IngestionModule {
  static forRoot(
    config: Pick<IngestionConfig, 'INGESTION_API_KEYS' | 'INGESTION_MAX_BATCH' | 'DEX_POOLS_FILE' | 'CHAINLINK_FEEDS_FILE' | 'CHAIN_RPC_URLS' | 'TOKEN_REGISTRY_FILE' | 'CHAIN_PRICE_MAX_AGE_MS'> &
      Partial<IngestionConfig>,
  ): DynamicModule {
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
        ChainFollowService,
        sharedPoolsProvider(config.DEX_POOL_STORE ?? 'memory', chainFollowSettings(config).database),
        SharedPoolsShutdown,
        { provide: CHAIN_FOLLOW_SETTINGS, useValue: chainFollowSettings(config) },
        ApiKeyGuard,
        { provide: API_KEYS, useValue: config.INGESTION_API_KEYS },
        {
          provide: KEY_RATE_LIMITER,
          useValue: new KeyRateLimiter(
            keyRates(
              config.INGESTION_RATE_LIMIT_PER_S ?? 0,
              new Map((config.INGESTION_RATE_LIMITS?.split(',') ?? []).map((pair) => [pair.slice(0, pair.lastIndexOf('=')), Number(pair.slice(pair.lastIndexOf('=') + 1))])),
            ),
          ),
        },
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
