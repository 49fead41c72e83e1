// Gateway: Socket.IO rooms per user and REST reads for dashboards.
import './instrument';
import { runService } from '@hyperdex/observability';
import { GatewayServiceModule, configureGateway, gatewayConfigSchema } from '@hyperdex/gateway-feature';

void runService({
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  module: (config, logger) => GatewayServiceModule.forRoot(config, logger),
  configure: (app, config) => configureGateway(app, config),
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
