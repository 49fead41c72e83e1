// Alerting: records alerts and releases them for delivery.
import './instrument';
import { runService } from '@hyperdex/observability';
import { AlertingServiceModule, alertingConfigSchema } from '@hyperdex/alerting-feature';

void runService({
  name: 'alerting',
  configSchema: alertingConfigSchema,
  module: (config, logger) => AlertingServiceModule.forRoot(config, logger),
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
