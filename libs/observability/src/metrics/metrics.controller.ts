import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceMetrics } from './service-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
