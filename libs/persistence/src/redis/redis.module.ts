import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { HealthRegistry, LOGGER } from '@hyperdex/observability';
import { ExposureCache } from '../ports/exposure-cache';
import { RedisExposureCache } from './exposure-cache';
import type { RedisSettings } from './redis.settings';

/** One ioredis connection per service, the caches over it, and a readiness check. */
@Global()
@Module({})
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly redis: Redis,
    private readonly health: HealthRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  static forRoot(settings: RedisSettings): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: Redis,
          useFactory: () =>
            new Redis(settings.url, {
              keyPrefix: settings.keyPrefix,
              lazyConnect: true,
              maxRetriesPerRequest: 3,
              enableOfflineQueue: true,
            }),
        },
        { provide: ExposureCache, useClass: RedisExposureCache },
      ],
      exports: [Redis, ExposureCache],
    };
  }

  async onModuleInit(): Promise<void> {
    this.redis.on('error', (err: Error) => this.logger.warn({ err }, 'redis connection error'));
    await this.redis.connect();
    this.health.register({
      name: 'redis',
      check: async () => {
        await this.redis.ping();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
