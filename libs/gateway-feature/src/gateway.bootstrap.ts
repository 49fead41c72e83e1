import path from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { CorsIoAdapter } from './cors-io.adapter';
import { serveDashboard } from './dashboard-static';
import type { GatewayConfig } from './gateway.config';

/**
 * The gateway's HTTP and Socket.IO setup: CORS for the allowed origins on both; the Redis streams adapter when
 * instances share events; the dashboard's static files under /dashboard/ (when a JWT secret is given, as every
 * service config has). Without a dashboard build it says so once in the log and serves the API as before.
 */
export function configureGateway(
  app: INestApplication,
  config: Pick<GatewayConfig, 'GATEWAY_CORS_ORIGINS'> &
    Partial<Pick<GatewayConfig, 'GATEWAY_SOCKET_RELAY' | 'GATEWAY_SOCKET_STREAM' | 'JWT_SECRET' | 'GATEWAY_DASHBOARD_DIR' | 'GATEWAY_DEMO_USER'>>,
): void {
  const origins = config.GATEWAY_CORS_ORIGINS;
  app.enableCors({ origin: origins.includes('*') ? true : origins, credentials: true });
  const shared = config.GATEWAY_SOCKET_RELAY === 'redis-streams' ? { client: app.get(Redis), streamName: config.GATEWAY_SOCKET_STREAM ?? 'hyperdex-gateway' } : null;
  app.useWebSocketAdapter(new CorsIoAdapter(app, origins, shared));
  if (config.JWT_SECRET === undefined) return;
  const dashboard = serveDashboard(app, {
    dir: path.resolve(config.GATEWAY_DASHBOARD_DIR ?? 'dist/apps/dashboard'),
    jwtSecret: config.JWT_SECRET,
    demoUser: config.GATEWAY_DEMO_USER ?? null,
  });
  if (!dashboard.served) new Logger('Dashboard').warn(`dashboard not served (${dashboard.reason}): /dashboard answers 503 until \`npx nx build dashboard\` has run`);
}
