import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { z } from 'zod';
import { ConfigError, parseEnv } from '../config/parse-env';
import type { ServiceEnv } from '../config/env-fields';
import { createLogger, type Logger } from '../logging/logger';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { HttpErrorFilter, bodyParserErrorHandler } from '../http/http-error.filter';
import { refuseDeepJson } from '../http/json-depth';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { httpTraceMiddleware } from '../http/http-trace.middleware';
import { ServiceMetrics } from '../metrics/service-metrics';
import { exitCleanlyOnSignals } from './exit-on-signals';

export interface ServiceDefinition<S extends z.ZodType<ServiceEnv>> {
  name: string;
  configSchema: S;
  /** Builds the root module from the validated config; the app itself holds no logic. */
  module: (config: z.infer<S>, logger: Logger) => unknown;
  /** Largest JSON body accepted (body-parser syntax, e.g. "1mb"); default 100kb. */
  bodyLimit?: (config: z.infer<S>) => string;
  /** Extra HTTP setup (adapters) before listening. */
  configure?: (app: NestExpressApplication, config: z.infer<S>) => void | Promise<void>;
}

/**
 * One start-up order for every service: config (fail fast), logger, Nest with buffered logs,
 * metrics middleware, signal handling (drain, then exit 0), listen. A failed boot logs why and exits 1.
 */
export async function runService<S extends z.ZodType<ServiceEnv>>(definition: ServiceDefinition<S>): Promise<INestApplication> {
  let config: z.infer<S>;
  try {
    config = parseEnv(definition.configSchema);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    process.stderr.write(`${definition.name}: ${message}\n`);
    process.exit(1);
  }
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  try {
    const app = await startServiceApp(definition, config, logger);
    // Not app.enableShutdownHooks(): it re-raises the signal after closing, so the process never exits 0.
    exitCleanlyOnSignals(() => app.close(), { graceMs: config.SHUTDOWN_GRACE_MS, logger });
    return app;
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} failed to start`);
    // Give pino a moment to flush before the process goes.
    setTimeout(() => process.exit(1), 100);
    throw error;
  }
}

/**
 * The part of the start-up that does not own the process: Nest with buffered logs, metrics middleware, body limit,
 * error filter, the service's own setup, listen. Several services of one process (the embedded mode) each go
 * through it with their own config; the owner of the process closes them (runService: on SIGTERM/SIGINT).
 */
export async function startServiceApp<S extends z.ZodType<ServiceEnv>>(
  definition: Omit<ServiceDefinition<S>, 'configSchema'>,
  config: z.infer<S>,
  logger: Logger,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(definition.module(config, logger) as never, {
    logger: new NestLoggerAdapter(logger),
    bufferLogs: true,
    bodyParser: false,
  });
  app.use(httpMetricsMiddleware(app.get(ServiceMetrics)));
  app.useBodyParser('json', { limit: definition.bodyLimit?.(config) ?? '100kb', verify: refuseDeepJson() });
  app.use(bodyParserErrorHandler());
  app.use(httpTraceMiddleware());
  app.useGlobalFilters(new HttpErrorFilter(logger));
  await definition.configure?.(app, config);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Headers of a request on a kept-alive connection may take as long as the connection may idle.
  server.headersTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await listenWithBacklog(app, config.PORT, config.HOST, config.HTTP_LISTEN_BACKLOG);
  logger.info({ port: config.PORT }, `${definition.name} listening on ${config.HOST}:${config.PORT}`);
  return app;
}


/** Nest's typings omit `server.listen`'s backlog argument, which its adapter passes through to Node unchanged. */
function listenWithBacklog(app: NestExpressApplication, port: number, host: string, backlog: number): Promise<unknown> {
  const listen = app.listen.bind(app) as unknown as (port: number, host: string, backlog: number) => Promise<unknown>;
  return listen(port, host, backlog);
}
