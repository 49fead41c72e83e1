import { BadRequestException, Body, Controller, ForbiddenException, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { CheckTradeBatchSchema, CheckTradeSchema, isBatchBody, validate, type CheckTrade, type RiskCheckResponse } from '@hyperdex/contracts';
import { CheckAuthGuard, type CheckRequest } from './check-auth.guard';
import { RiskCheckService } from './risk-check.service';

/** Reads one trade or `{"trades":[...]}`; a malformed body is refused with every offending field named. */
export function readCheckBody(body: unknown): CheckTrade[] {
  const batch = isBatchBody(body, 'trades');
  const result = batch ? validate(CheckTradeBatchSchema, body) : validate(CheckTradeSchema, body);
  if (!result.ok) throw new BadRequestException({ message: 'Validation failed', details: result.errors });
  return batch ? (result.value as { trades: CheckTrade[] }).trades : [result.value as CheckTrade];
}

@Controller('v1/risk/check')
@UseGuards(CheckAuthGuard)
export class RiskCheckController {
  constructor(@Inject(RiskCheckService) private readonly checks: RiskCheckService) {}

  /** What the trades would do to the user's risk; nothing is booked or published. */
  @Post()
  @HttpCode(200)
  async check(@Body() body: unknown, @Req() request: CheckRequest): Promise<RiskCheckResponse> {
    const trades = readCheckBody(body);
    const userId = (trades[0] as CheckTrade).userId;
    const caller = request.caller;
    if (caller.kind === 'user' && !caller.admin && caller.userId !== userId) {
      throw new ForbiddenException({ message: `a token for ${caller.userId} cannot check trades of another user` });
    }
    return this.checks.check(trades);
  }
}
