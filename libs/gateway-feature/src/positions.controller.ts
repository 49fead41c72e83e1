import { Controller, Get, NotFoundException, Param, Req, UseGuards } from '@nestjs/common';
import type { PositionsResponse } from '@hyperdex/contracts';
import { ExposureCache } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
import { assertMayRead } from './user-access';

@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class PositionsController {
  constructor(private readonly cache: ExposureCache) {}

  /** The positions of the user's latest exposure snapshot, with their PnL. */
  @Get(':userId/positions')
  async positions(@Param('userId') userId: string, @Req() request: AuthenticatedRequest): Promise<PositionsResponse> {
    assertMayRead(request.claims, userId, 'positions');
    const s = await this.cache.get(userId);
    if (!s) throw new NotFoundException({ message: `No positions recorded for user ${userId}` });
    return {
      userId: s.userId,
      asOf: s.asOf,
      positions: s.positions,
      unpriced: s.unpriced,
      realizedPnlUsd: s.realizedPnlUsd,
      unrealizedPnlUsd: s.unrealizedPnlUsd,
      pnlComplete: s.pnlComplete,
    };
  }
}
