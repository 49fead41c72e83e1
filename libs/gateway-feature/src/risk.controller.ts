import { Controller, Get, NotFoundException, Param, Req, UseGuards } from '@nestjs/common';
import type { RiskMetrics, TradingStateResponse } from '@hyperdex/contracts';
import { RiskMetricsLatestRepository } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
import { assertMayRead } from './user-access';

@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class RiskController {
  constructor(private readonly latest: RiskMetricsLatestRepository) {}

  /** The latest risk metrics: the same payload as the `risk-metrics` socket event. */
  @Get(':userId/risk-metrics')
  async metrics(@Param('userId') userId: string, @Req() request: AuthenticatedRequest): Promise<RiskMetrics> {
    assertMayRead(request.claims, userId, 'risk metrics');
    return this.load(userId);
  }

  /** The trading state and the rule statuses behind it. */
  @Get(':userId/trading-state')
  async tradingState(@Param('userId') userId: string, @Req() request: AuthenticatedRequest): Promise<TradingStateResponse> {
    assertMayRead(request.claims, userId, 'trading state');
    const m = await this.load(userId);
    return { userId: m.userId, asOf: m.asOf, eventId: m.eventId, tradingState: m.tradingState, rules: m.rules };
  }

  private async load(userId: string): Promise<RiskMetrics> {
    const metrics = await this.latest.get(userId);
    if (!metrics) throw new NotFoundException({ message: `No risk metrics recorded for user ${userId}` });
    return metrics;
  }
}
