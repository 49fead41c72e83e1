import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import pino from 'pino';
import { ALL_TOPICS } from '@hyperdex/contracts';
import { AlertingModule, alertingConfigSchema } from '@hyperdex/alerting-feature';
import { GatewayModule, gatewayConfigSchema } from '@hyperdex/gateway-feature';
import { EventPublisher, EventSubscriberFactory, MessagingModule, connectEventBus, toKafkaSettings } from '@hyperdex/messaging';
import { LOGGER, ObservabilityModule, ServiceMetrics, type Logger } from '@hyperdex/observability';
import { InProcessCacheModule, PgliteModule, type InProcessExposureCache, type PgliteSqlDatabase } from '@hyperdex/persistence';
import { PositionsModule, positionsConfigSchema } from '@hyperdex/positions-feature';
import { RiskModule, riskConfigSchema } from '@hyperdex/risk-feature';
import type { SimBus } from '../bus/sim-bus';
import { SimSubscriberFactory } from '../bus/sim-subscriber.factory';
import { SimSocketAdapter, type SimSocketServer } from './sim-socket-server';

export type SimService = 'positions' | 'risk' | 'alerting' | 'gateway';

export const SIM_JWT_SECRET = 'simulation-jwt-secret-0123456789abcdef';

/** What every instance of one seed shares: the bus, the database and the exposure cache. */
export interface SimShared {
  bus: SimBus;
  database: PgliteSqlDatabase;
  cache: InProcessExposureCache;
  sockets: SimSocketServer;
}

/** One running service instance: its Nest app, mounted as the deployed service mounts it, on the simulation's bus. */
export interface SimInstance {
  readonly service: SimService;
  /** Unique per boot (a restarted instance keeps its service's instance id but is a new member). */
  readonly name: string;
  readonly instanceId: string;
  readonly app: INestApplication;
}

const silent: Logger = pino({ level: 'silent' });

// Small figures keep each seed fast: Monte Carlo at its minimum path count, and the alerting timers (re-notify,
// held summaries, delivery polls) far beyond a seed's simulated minutes, so nothing runs off the scheduler.
const ENV: Readonly<Record<SimService, Record<string, string>>> = {
  positions: { POSITIONS_PRICE_REVALUE_INTERVAL_MS: '0' },
  risk: { RISK_MAX_EXPOSURE_USD: '100000', RISK_MONTE_CARLO_WORKERS: '0', RISK_MONTE_CARLO_PATHS: '100' },
  alerting: { ALERT_RENOTIFY_SCAN_MS: '3600000', ALERT_DELIVERY_POLL_MS: '60000' },
  gateway: { JWT_SECRET: SIM_JWT_SECRET },
};

function featureOf(service: SimService, instanceId: string): { feature: DynamicModule; messaging: ReturnType<typeof toKafkaSettings> } {
  const env = { ...ENV[service], MESSAGING_TRANSPORT: 'memory', LOG_LEVEL: 'fatal' };
  switch (service) {
    case 'positions': {
      const config = positionsConfigSchema.parse({ ...env, POSITIONS_INSTANCE_ID: instanceId });
      return { feature: PositionsModule.forRoot(config), messaging: toKafkaSettings(config, service) };
    }
    case 'risk': {
      const config = riskConfigSchema.parse({ ...env, RISK_INSTANCE_ID: instanceId });
      return { feature: RiskModule.forRoot(config), messaging: toKafkaSettings(config, service) };
    }
    case 'alerting': {
      const config = alertingConfigSchema.parse(env);
      return { feature: AlertingModule.forRoot(config), messaging: toKafkaSettings(config, service) };
    }
    case 'gateway': {
      const config = gatewayConfigSchema.parse({ ...env, GATEWAY_INSTANCE_ID: instanceId });
      return { feature: GatewayModule.forRoot(config), messaging: toKafkaSettings(config, service) };
    }
  }
}

/**
 * Boots one instance: the service's feature module with the infrastructure modules of the embedded mode (in-memory
 * bus, PGlite, in-process cache), its subscriptions handed to the simulation's bus instead of fetch loops.
 */
export async function bootInstance(
  shared: SimShared,
  service: SimService,
  instanceId: string,
  name: string,
  tamper?: (moduleRef: TestingModule) => void,
): Promise<SimInstance> {
  const { feature, messaging } = featureOf(service, instanceId);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ serviceName: service, logger: silent }),
      MessagingModule.forRoot({ settings: { ...messaging, transport: 'memory' }, topics: ALL_TOPICS, broker: shared.bus.broker }),
      PgliteModule.forRoot({ database: shared.database }),
      InProcessCacheModule.forRoot(shared.cache),
      feature,
    ],
  })
    .overrideProvider(EventSubscriberFactory)
    .useFactory({
      inject: [EventPublisher, ServiceMetrics, LOGGER],
      factory: (publisher: EventPublisher, metrics: ServiceMetrics, logger: Logger) => new SimSubscriberFactory(shared.bus, name, publisher, metrics, logger),
    })
    .compile();
  tamper?.(moduleRef);
  const app = moduleRef.createNestApplication({ logger: false });
  if (service === 'gateway') app.useWebSocketAdapter(new SimSocketAdapter(shared.sockets));
  // Alerting declares its risk-alerts handler with @BatchEventPattern: the event-bus transport subscribes it.
  if (service === 'alerting') await connectEventBus(app);
  else await app.init();
  return { service, name, instanceId, app };
}

/** A crash: the instance's members leave the bus at once (nothing more is committed), then its app is dropped. */
export async function crashInstance(shared: SimShared, instance: SimInstance): Promise<void> {
  shared.bus.leaveInstance(instance.name);
  // Closing only releases the app's timers; with the members gone it can neither consume nor commit.
  await instance.app.close();
}
