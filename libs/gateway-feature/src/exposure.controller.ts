import { Controller, ForbiddenException, Get, NotFoundException, Param, Req, UseGuards } from '@nestjs/common';
import type { ExposureResponse } from '@hyperdex/contracts';
import { ExposureCache } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';

@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class ExposureController {
  constructor(private readonly cache: ExposureCache) {}

  /** The user's latest exposure snapshot. A user reads only their own; role `admin` reads any. */
  @Get(':userId/exposure')
  async exposure(@Param('userId') userId: string, @Req() request: AuthenticatedRequest): Promise<ExposureResponse> {
    const { sub, role } = request.claims;
    if (sub !== userId && role !== 'admin') throw new ForbiddenException({ message: 'You may read only your own exposure' });
    const snapshot = await this.cache.get(userId);
    if (!snapshot) throw new NotFoundException({ message: `No exposure recorded for user ${userId}` });
    return snapshot;
  }
}
