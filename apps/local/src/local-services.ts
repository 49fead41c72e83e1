import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { z } from 'zod';
import { AlertingModule, alertingConfigSchema } from '@hyperdex/alerting-feature';
import type { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { GatewayModule, configureGateway, gatewayConfigSchema } from '@hyperdex/gateway-feature';
import { IngestionModule, ingestionConfigSchema } from '@hyperdex/ingestion-feature';
import { connectEventBus, toKafkaSettings, type kafkaEnvSchema } from '@hyperdex/messaging';
import { createLogger, parseEnv, startServiceApp, type ServiceEnv } from '@hyperdex/observability';
import { PositionsModule, positionsConfigSchema } from '@hyperdex/positions-feature';
import { RiskModule, riskConfigSchema } from '@hyperdex/risk-feature';

/** The root of each embedded service's app: its infrastructure on the shared parts, plus its feature module. */
@Module({})
class EmbeddedServiceModule {}

type MessagingEnv = z.infer<typeof kafkaEnvSchema>;

interface EmbeddedService<S extends z.ZodType<ServiceEnv & MessagingEnv>> {
  name: string;
  port: number;
  configSchema: S;
  feature: (config: z.infer<S>) => DynamicModule | (new () => unknown);
  bodyLimit?: (config: z.infer<S>) => string;
  configure?: (app: NestExpressApplication, config: z.infer<S>) => void | Promise<void>;
}

export interface RunningService {
  name: string;
  port: number;
  app: INestApplication;
}

/** One service as its own Nest app on its usual port, with the same HTTP setup as the deployed service. */
async function start<S extends z.ZodType<ServiceEnv & MessagingEnv>>(infra: EmbeddedInfrastructure, env: Record<string, string>, service: EmbeddedService<S>): Promise<RunningService> {
  const config = parseEnv(service.configSchema, { ...env, PORT: String(service.port) });
  const logger = createLogger(service.name, config.LOG_LEVEL);
  const module = (): DynamicModule => ({
    module: EmbeddedServiceModule,
    imports: [...infra.modules({ name: service.name, logger, messaging: toKafkaSettings(config, service.name) }), service.feature(config)],
  });
  const app = await startServiceApp({ name: service.name, module, bodyLimit: service.bodyLimit, configure: service.configure }, config, logger);
  return { name: service.name, port: service.port, app };
}

export type ServiceName = 'gateway' | 'ingestion' | 'positions' | 'risk' | 'alerting';

/** The ports `npm run stack` gives the services; clients work unchanged against either mode. */
export const STACK_PORTS: Readonly<Record<ServiceName, number>> = { gateway: 3000, ingestion: 3001, positions: 3002, risk: 3003, alerting: 3004 };

/**
 * The five services in this process, each on its port (the stack's unless told otherwise). Consumers start before
 * producers (positions, risk, alerting, then ingestion and the gateway), so nothing published at start-up is missed.
 */
export async function startEmbeddedServices(infra: EmbeddedInfrastructure, env: Record<string, string>, ports: Readonly<Record<ServiceName, number>> = STACK_PORTS): Promise<RunningService[]> {
  const running: RunningService[] = [];
  try {
    running.push(await start(infra, env, { name: 'positions', port: ports.positions, configSchema: positionsConfigSchema, feature: (c) => PositionsModule.forRoot(c) }));
    running.push(await start(infra, env, { name: 'risk', port: ports.risk, configSchema: riskConfigSchema, feature: (c) => RiskModule.forRoot(c) }));
    running.push(
      await start(infra, env, { name: 'alerting', port: ports.alerting, configSchema: alertingConfigSchema, feature: (c) => AlertingModule.forRoot(c), configure: (app) => connectEventBus(app) }),
    );
    running.push(
      await start(infra, env, { name: 'ingestion', port: ports.ingestion, configSchema: ingestionConfigSchema, feature: (c) => IngestionModule.forRoot(c), bodyLimit: (c) => c.INGESTION_BODY_LIMIT }),
    );
    running.push(
      await start(infra, env, { name: 'gateway', port: ports.gateway, configSchema: gatewayConfigSchema, feature: (c) => GatewayModule.forRoot(c), configure: (app, c) => configureGateway(app, c) }),
    );
    return running;
  } catch (error) {
    await stopEmbeddedServices(running);
    throw error;
  }
}

/** Last started, first stopped: the gateway and ingestion stop taking requests before the consumers go. */
export async function stopEmbeddedServices(running: readonly RunningService[]): Promise<void> {
  for (const service of [...running].reverse()) await service.app.close();
}
