import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { stopTelemetry } from '@hyperdex/telemetry';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';

/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');

export interface ObservabilityOptions {
  serviceName: string;
  logger: Logger;
}

/** Health, readiness and Prometheus metrics endpoints, plus the shared logger, for every service. */
@Global()
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceMetrics, useValue: new ServiceMetrics(options.serviceName) },
        { provide: HealthRegistry, useValue: new HealthRegistry() },
        { provide: LOGGER, useValue: options.logger },
      ],
      exports: [ServiceMetrics, HealthRegistry, LOGGER],
    };
  }

  /** Flushes spans still buffered for export. */
  async onApplicationShutdown(): Promise<void> {
    await stopTelemetry();
  }
}
