import type { INestApplication } from '@nestjs/common';
import { CorsIoAdapter } from './cors-io.adapter';
import type { GatewayConfig } from './gateway.config';

/** The gateway's HTTP and Socket.IO setup: CORS for the allowed origins on both. */
export function configureGateway(app: INestApplication, config: Pick<GatewayConfig, 'GATEWAY_CORS_ORIGINS'>): void {
  const origins = config.GATEWAY_CORS_ORIGINS;
  app.enableCors({ origin: origins.includes('*') ? true : origins, credentials: true });
  app.useWebSocketAdapter(new CorsIoAdapter(app, origins));
}
