import { BadRequestException, Controller, Get, Param, Query, Req, UseGuards } from '@nestjs/common';
import { TradesQuerySchema, validate, type TradesResponse } from '@hyperdex/contracts';
import { TradeHistoryRepository } from '@hyperdex/persistence';
import { BearerAuthGuard, type AuthenticatedRequest } from './bearer-auth.guard';
import { assertMayRead } from './user-access';

/** The cursor is opaque to clients: base64url of the booking sequence to continue below. */
const encode = (seq: string): string => Buffer.from(seq).toString('base64url');
const decode = (cursor: string): string | null => {
  const seq = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[1-9][0-9]{0,18}$/.test(seq) ? seq : null;
};

@Controller('v1/users')
@UseGuards(BearerAuthGuard)
export class TradesController {
  constructor(private readonly trades: TradeHistoryRepository) {}

  /** The user's booked trades and transfers, newest first, a page at a time. */
  @Get(':userId/trades')
  async list(@Param('userId') userId: string, @Query() query: Record<string, unknown>, @Req() request: AuthenticatedRequest): Promise<TradesResponse> {
    assertMayRead(request.claims, userId, 'trades');
    const parsed = validate(TradesQuerySchema, query);
    if (!parsed.ok) throw new BadRequestException({ message: 'Invalid trades query', details: parsed.errors });
    const seq = parsed.value.cursor === undefined ? undefined : decode(parsed.value.cursor);
    if (seq === null) throw new BadRequestException({ message: 'Invalid trades query', details: [{ field: 'cursor', reason: 'must be a nextCursor from a previous page' }] });
    const page = await this.trades.page(userId, parsed.value.limit, seq);
    return { items: page.items, nextCursor: page.nextSeq === null ? null : encode(page.nextSeq) };
  }
}
