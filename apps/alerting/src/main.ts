// Alerting: records alerts and releases them for delivery.
import './instrument';
import { runService } from '@hyperdex/observability';
import { AlertingServiceModule, alertingConfigSchema } from '@hyperdex/alerting-feature';
import { connectEventBus } from '@hyperdex/messaging';

void runService({
  name: 'alerting',
  configSchema: alertingConfigSchema,
  module: (config, logger) => AlertingServiceModule.forRoot(config, logger),
  // Risk alerts reach their @BatchEventPattern handler through the event-bus transport.
  configure: (app) => connectEventBus(app),
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
