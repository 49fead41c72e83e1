import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { TradeBatchSchema, TradeSchema, type AcceptedTradesResponse } from '@hyperdex/contracts';
import { ApiKeyGuard } from './api-key.guard';
import { readBatch } from './batch-body';
import { IngestionService } from './ingestion.service';

export const MAX_BATCH = Symbol('MAX_BATCH');

@Controller('v1/trades')
@UseGuards(ApiKeyGuard)
export class TradesController {
  constructor(
    private readonly ingestion: IngestionService,
    @Inject(MAX_BATCH) private readonly maxBatch: number,
  ) {}

  /** One trade, or `{ "trades": [...] }`. All or nothing: 202 lists the accepted ids. */
  @Post()
  @HttpCode(202)
  async ingest(@Body() body: unknown): Promise<AcceptedTradesResponse> {
    const trades = readBatch(body, 'trades', TradeSchema, TradeBatchSchema, this.maxBatch, (t) => t.tradeId);
    await this.ingestion.acceptTrades(trades);
    return { accepted: trades.map((t) => t.tradeId) };
  }
}
