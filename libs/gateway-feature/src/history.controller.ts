import { BadRequestException, Controller, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import { HISTORY_BUCKET_MS, HISTORY_MAX_POINTS, HistoryQuerySchema, validate, type HistoryResponse } from '@hyperdex/contracts';
import { ExposureHistoryRepository } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
import { assertMayRead } from './user-access';

const DAY_MS = 86_400_000;

@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class HistoryController {
  constructor(private readonly history: ExposureHistoryRepository) {}

  /** Exposure and equity over [from, to), one point per minute, hour or day that has snapshots. */
  @Get(':userId/history')
  async series(@Param('userId') userId: string, @Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest): Promise<HistoryResponse> {
    assertMayRead(request.claims, userId, 'history');
    const parsed = validate(HistoryQuerySchema, query);
    if (!parsed.ok) throw new BadRequestException({ message: 'Invalid history query', details: parsed.errors });
    const { bucket } = parsed.value;
    const to = parsed.value.to ?? Date.now();
    const from = parsed.value.from ?? to - DAY_MS;
    if (from >= to) throw new BadRequestException({ message: 'Invalid history query', details: [{ field: 'from', reason: 'must be before to' }] });
    if ((to - from) / HISTORY_BUCKET_MS[bucket] > HISTORY_MAX_POINTS) {
      throw new BadRequestException({ message: 'Invalid history query', details: [{ field: 'from', reason: `spans more than ${HISTORY_MAX_POINTS} ${bucket} buckets; use a wider bucket or a shorter range` }] });
    }
    return { userId, bucket, from, to, points: await this.history.series(userId, bucket, from, to) };
  }
}
