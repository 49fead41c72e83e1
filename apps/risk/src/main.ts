// Risk: evaluates rules on every exposure update.
import './instrument';
import { runService } from '@hyperdex/observability';
import { RiskServiceModule, riskConfigSchema } from '@hyperdex/risk-feature';

void runService({
  name: 'risk',
  configSchema: riskConfigSchema,
  module: (config, logger) => RiskServiceModule.forRoot(config, logger),
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
