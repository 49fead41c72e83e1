// Trade and price ingestion API: validates and publishes to Kafka.
import './instrument';
import { runService } from '@hyperdex/observability';
import { IngestionServiceModule, ingestionConfigSchema } from '@hyperdex/ingestion-feature';

void runService({
  name: 'ingestion',
  configSchema: ingestionConfigSchema,
  module: (config, logger) => IngestionServiceModule.forRoot(config, logger),
  bodyLimit: (config) => config.INGESTION_BODY_LIMIT,
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
