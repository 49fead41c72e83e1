import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, RedisModule, toDatabaseSettings, toRedisSettings } from '@hyperdex/persistence';
import { AlertChannelsController } from './alert-channels.controller';
import { AlertDeliveriesController } from './alert-deliveries.controller';
import { AlertsController } from './alerts.controller';
import { BearerAuthGuard } from './bearer-auth.guard';
import { DashboardGateway } from './dashboard.gateway';
import { DocsController } from './docs.controller';
import { EventRelayConsumer, GATEWAY_INSTANCE_ID } from './event-relay.consumer';
import { ExposureController } from './exposure.controller';
import { HistoryController } from './history.controller';
import { HistoryRecorderConsumer } from './history-recorder.consumer';
import { PositionsController } from './positions.controller';
import { RiskController } from './risk.controller';
import { TradesController } from './trades.controller';
import type { GatewayConfig } from './gateway.config';
import { RelayLatency } from './relay-latency';
import { DEFAULT_MAX_SOCKETS_PER_USER, MAX_SOCKETS_PER_USER } from './socket-cap';
import { SOCKET_RELAY_MODE } from './socket-relay-mode';
import { JwksKeyStore } from './jwks-key-store';
import { JWT_PROVIDER, JWT_SECRET, TokenVerifier, type JwtProviderSettings } from './token-verifier';

/** Dashboards' entry point: Socket.IO rooms per user, the REST reads, and actions on alerts. */
@Module({})
export class GatewayModule {
  static forRoot(config: Pick<GatewayConfig, 'JWT_SECRET' | 'GATEWAY_INSTANCE_ID'> & Partial<Pick<GatewayConfig, 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'GATEWAY_SOCKET_RELAY' | 'GATEWAY_MAX_SOCKETS_PER_USER'>>): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [
        ExposureController,
        PositionsController,
        RiskController,
        TradesController,
        HistoryController,
        AlertsController,
        AlertChannelsController,
        AlertDeliveriesController,
        DocsController,
      ],
      providers: [
        { provide: JWT_SECRET, useValue: config.JWT_SECRET },
        { provide: JWT_PROVIDER, useValue: jwtProvider(config) },
        { provide: SOCKET_RELAY_MODE, useValue: config.GATEWAY_SOCKET_RELAY ?? 'local' },
        { provide: GATEWAY_INSTANCE_ID, useValue: config.GATEWAY_INSTANCE_ID },
        { provide: MAX_SOCKETS_PER_USER, useValue: config.GATEWAY_MAX_SOCKETS_PER_USER ?? DEFAULT_MAX_SOCKETS_PER_USER },
        TokenVerifier,
        BearerAuthGuard,
        DashboardGateway,
        RelayLatency,
        EventRelayConsumer,
        HistoryRecorderConsumer,
      ],
    };
  }
}

/** The deployable gateway service. */
@Module({})
export class GatewayServiceModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayServiceModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'gateway', logger }),
        MessagingModule.forRoot({
          settings: toKafkaSettings(config, 'gateway'),
          topics: [Topics.positions, Topics.alertNotifications, Topics.riskMetrics],
        }),
        RedisModule.forRoot(toRedisSettings(config)),
        PostgresModule.forRoot(toDatabaseSettings(config)),
        GatewayModule.forRoot(config),
      ],
    };
  }
}

/** The identity provider's settings when a JWKS URL is configured (the config schema requires issuer and audience with it). */
function jwtProvider(config: Partial<Pick<GatewayConfig, 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>>): JwtProviderSettings | null {
  if (!config.JWT_JWKS_URL || !config.JWT_ISSUER || !config.JWT_AUDIENCE) return null;
  return {
    keys: new JwksKeyStore({ url: config.JWT_JWKS_URL, cacheMs: 10 * 60_000, minRefetchMs: 30_000, timeoutMs: 5_000 }),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  };
}
