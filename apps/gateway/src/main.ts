// Gateway: Socket.IO rooms per user and REST reads for dashboards.
import './instrument';
import { runService } from '@hyperdex/observability';
import { GatewayServiceModule, gatewayConfigSchema, CorsIoAdapter } from '@hyperdex/gateway-feature';

void runService({
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  module: (config, logger) => GatewayServiceModule.forRoot(config, logger),
  configure: (app, config) => {
    const origins = config.GATEWAY_CORS_ORIGINS;
    app.enableCors({ origin: origins.includes('*') ? true : origins, credentials: true });
    app.useWebSocketAdapter(new CorsIoAdapter(app, origins));
  },
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
