import { BadRequestException, Body, Controller, Get, NotFoundException, Param, Put, Req, UseGuards } from '@nestjs/common';
import { AlertChannelsRequestSchema, channelViewOf, validate, type AlertChannelsResponse } from '@hyperdex/contracts';
import { AlertChannelRepository } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';

/** A user's alert channels and volume control: their own token or an admin token reads and replaces them; credentials never come back. */
@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class AlertChannelsController {
  constructor(private readonly channels: AlertChannelRepository) {}

  @Put(':userId/alert-channels')
  async put(@Param('userId') userId: string, @Body() body: unknown, @Req() request: AuthenticatedRequest): Promise<AlertChannelsResponse> {
    this.authorise(userId, request);
    const parsed = validate(AlertChannelsRequestSchema, body);
    if (!parsed.ok) throw new BadRequestException({ message: 'Invalid alert channels', details: parsed.errors });
    const stored = await this.channels.put(userId, parsed.value.channels, parsed.value.volume);
    return { channels: stored.channels.map(channelViewOf), volume: stored.volume, updatedAt: stored.updatedAt };
  }

  @Get(':userId/alert-channels')
  async get(@Param('userId') userId: string, @Req() request: AuthenticatedRequest): Promise<AlertChannelsResponse> {
    this.authorise(userId, request);
    const stored = await this.channels.get(userId);
    return { channels: stored.channels.map(channelViewOf), volume: stored.volume, updatedAt: stored.updatedAt };
  }

  private authorise(userId: string, request: AuthenticatedRequest): void {
    const { sub, role } = request.claims;
    if (sub !== userId && role !== 'admin') throw new NotFoundException({ message: `No alert channels of user ${userId} for this token` });
  }
}
