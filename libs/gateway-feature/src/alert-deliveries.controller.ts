import { BadRequestException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Req, UseGuards, ConflictException } from '@nestjs/common';
import { AlertDeliveriesQuerySchema, channelViewOf, validate, type AlertDeliveriesResponse, type AlertDeliveryView } from '@hyperdex/contracts';
import { AlertDeliveryRepository, type StoredDelivery } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';

/** Attempts a redelivery gets; the alerting worker sends it at its next poll. */
const REDELIVERY_ATTEMPTS = 5;

const viewOf = (d: StoredDelivery): AlertDeliveryView => ({
  deliveryId: d.deliveryId,
  alertId: d.alertId,
  type: `alert.${d.notification.event ?? 'opened'}`,
  channel: channelViewOf(d.channel),
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.maxAttempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt,
  lastError: d.lastError,
  ingestedAt: d.ingestedAt,
});

/** Deliveries to a user's channels: the dead letters, each with its attempts, and a redelivery under the same id. */
@Controller('v1')
@UseGuards(BearerAuthGuard)
export class AlertDeliveriesController {
  constructor(private readonly deliveries: AlertDeliveryRepository) {}

  @Get('users/:userId/alert-deliveries')
  async list(@Param('userId') userId: string, @Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest): Promise<AlertDeliveriesResponse> {
    const { sub, role } = request.claims;
    if (sub !== userId && role !== 'admin') throw new NotFoundException({ message: `No deliveries of user ${userId} for this token` });
    const parsed = validate(AlertDeliveriesQuerySchema, query);
    if (!parsed.ok) throw new BadRequestException({ message: 'Invalid delivery query', details: parsed.errors });
    return { items: (await this.deliveries.list(userId, parsed.value.status, parsed.value.limit)).map(viewOf) };
  }

  @Get('alert-deliveries/:deliveryId')
  async get(@Param('deliveryId') deliveryId: string, @Req() request: AuthenticatedRequest): Promise<AlertDeliveryView> {
    const delivery = await this.owned(deliveryId, request);
    return { ...viewOf(delivery), attemptLog: await this.deliveries.attempts(deliveryId) };
  }

  @Post('alert-deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  async redeliver(@Param('deliveryId') deliveryId: string, @Req() request: AuthenticatedRequest): Promise<AlertDeliveryView> {
    await this.owned(deliveryId, request);
    const again = await this.deliveries.redeliver(deliveryId, REDELIVERY_ATTEMPTS, Date.now());
    if (!again) throw new ConflictException({ message: `Delivery ${deliveryId} is not dead-lettered; only a dead delivery can be redelivered` });
    return viewOf(again);
  }

  private async owned(deliveryId: string, request: AuthenticatedRequest): Promise<StoredDelivery> {
    const delivery = await this.deliveries.find(deliveryId);
    const { sub, role } = request.claims;
    if (!delivery || (delivery.userId !== sub && role !== 'admin')) throw new NotFoundException({ message: `No delivery ${deliveryId} for this token` });
    return delivery;
  }
}
