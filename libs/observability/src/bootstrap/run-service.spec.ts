import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { ObservabilityModule } from '../observability.module';
import { startServiceApp } from './run-service';

const logger = pino({ level: 'silent' });

@Module({ imports: [ObservabilityModule.forRoot({ serviceName: 'spec', logger })] })
class SpecModule {}

/** The listening socket's accept queue limit, as the kernel reports it (`ss`: Send-Q of a listener). */
function listenBacklogOf(port: number): number {
  const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  return Number(line.trim().split(/\s+/)[2]);
}

describe('startServiceApp', () => {
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('keeps idle connections and queues pending ones as configured, beyond Node’s defaults', async () => {
    const config = { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'fatal', SHUTDOWN_GRACE_MS: 1_000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 61_000, HTTP_LISTEN_BACKLOG: 123 } as const;
    app = await startServiceApp({ name: 'spec', module: () => SpecModule }, config, logger);
    const server = app.getHttpServer() as Server;

    expect(server.keepAliveTimeout).toBe(61_000);
    // A request's headers may arrive as late as the connection may idle, so the two limits never race.
    expect(server.headersTimeout).toBeGreaterThan(61_000);
    expect(listenBacklogOf((server.address() as AddressInfo).port)).toBe(123);

    const health = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health/live`);
    expect(health.status).toBe(200);
  });
});
