import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { HealthRegistry, type ReadinessReport } from './health-registry';

@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** Liveness: the process answers. Dependencies are readiness's business, so an outage never restarts pods. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.registry.report();
    if (!report.ready) throw new HttpException(report, HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
