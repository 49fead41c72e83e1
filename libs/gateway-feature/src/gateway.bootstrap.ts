import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { CorsIoAdapter } from './cors-io.adapter';
import type { GatewayConfig } from './gateway.config';

/** The gateway's HTTP and Socket.IO setup: CORS for the allowed origins on both; the Redis streams adapter when instances share events. */
export function configureGateway(
  app: INestApplication,
  config: Pick<GatewayConfig, 'GATEWAY_CORS_ORIGINS'> & Partial<Pick<GatewayConfig, 'GATEWAY_SOCKET_RELAY' | 'GATEWAY_SOCKET_STREAM'>>,
): void {
  const origins = config.GATEWAY_CORS_ORIGINS;
  app.enableCors({ origin: origins.includes('*') ? true : origins, credentials: true });
  const shared = config.GATEWAY_SOCKET_RELAY === 'redis-streams' ? { client: app.get(Redis), streamName: config.GATEWAY_SOCKET_STREAM ?? 'hyperdex-gateway' } : null;
  app.useWebSocketAdapter(new CorsIoAdapter(app, origins, shared));
}
