import { BadRequestException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Req, UseGuards, ConflictException } from '@nestjs/common';
import { AlertHistoryQuerySchema, Topics, validate, type AlertHistoryResponse, type AlertView } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { AlertEpisodeRepository } from '@hyperdex/persistence';
import { AlertActionError, acknowledgeEpisode, alertViewOf, notificationOf, resolveEpisode, type AlertEpisode, type EpisodeChange } from '@hyperdex/risk-core';
import { decodeCursor, encodeCursor } from './alert-history-cursor';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
import type { Claims } from './token-verifier';

const mayActFor = (claims: Claims, userId: string) => claims.sub === userId || claims.role === 'admin';

/**
 * Alert history and the two actions on an alert. A user reads and acts on their own alerts; a token with role
 * `admin` on any. Another user's alert answers 404, so ids of others' alerts cannot be probed. Each action changes
 * the alert with its row locked, then releases the change on the alert-notifications topic, from which dashboards
 * (`alert-updated`), channels and the risk service (an acknowledged manual breach releases its latch) learn of it.
 */
@Controller('v1')
@UseGuards(BearerAuthGuard)
export class AlertsController {
  constructor(
    private readonly episodes: AlertEpisodeRepository,
    @Inject(EventPublisher) private readonly publisher: Pick<EventPublisher, 'publishAll'>,
  ) {}

  @Get('users/:userId/alerts')
  async history(@Param('userId') userId: string, @Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest): Promise<AlertHistoryResponse> {
    if (!mayActFor(request.claims, userId)) throw new NotFoundException({ message: `No alerts of user ${userId} for this token` });
    const parsed = validate(AlertHistoryQuerySchema, query);
    if (!parsed.ok) throw new BadRequestException({ message: 'Invalid alert history query', details: parsed.errors });
    const q = parsed.value;
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (cursor === null) throw new BadRequestException({ message: 'Invalid alert history query', details: [{ field: 'cursor', reason: 'must be a nextCursor from a previous page' }] });
    const page = await this.episodes.history({
      userId,
      limit: q.limit,
      ...(q.state ? { state: q.state } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
      ...(q.ruleId ? { ruleId: q.ruleId } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return { items: page.items.map(alertViewOf), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
  }

  @Post('alerts/:alertId/ack')
  @HttpCode(200)
  acknowledge(@Param('alertId') alertId: string, @Req() request: AuthenticatedRequest): Promise<AlertView> {
    return this.act(alertId, request.claims, (e, now) => acknowledgeEpisode(e, request.claims.sub, now));
  }

  @Post('alerts/:alertId/resolve')
  @HttpCode(200)
  resolve(@Param('alertId') alertId: string, @Req() request: AuthenticatedRequest): Promise<AlertView> {
    return this.act(alertId, request.claims, (e, now) => resolveEpisode(e, request.claims.sub, now));
  }

  private async act(alertId: string, claims: Claims, apply: (e: AlertEpisode, now: number) => EpisodeChange | null): Promise<AlertView> {
    const notFound = () => new NotFoundException({ message: `No alert ${alertId} for this token` });
    let result: Awaited<ReturnType<AlertEpisodeRepository['change']>>;
    try {
      result = await this.episodes.change(alertId, (e) => {
        if (!mayActFor(claims, e.alert.userId)) throw notFound();
        return apply(e, Date.now());
      });
    } catch (error) {
      if (error instanceof AlertActionError) throw new ConflictException({ message: error.message });
      throw error;
    }
    if (!result) throw notFound();
    // Durable first, then released; a failed release answers 500 and the change stays (a retry changes nothing).
    if (result.change) await this.publisher.publishAll([{ topic: Topics.alertNotifications, payload: notificationOf(result.change) }]);
    return alertViewOf(result.episode);
  }
}
