import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { PriceBatchSchema, PriceTickSchema, priceKey, type AcceptedPricesResponse } from '@hyperdex/contracts';
import { ApiKeyGuard } from './api-key.guard';
import { readBatch } from './batch-body';
import { IngestionService } from './ingestion.service';
import { MAX_BATCH } from './trades.controller';

@Controller('v1/prices')
@UseGuards(ApiKeyGuard)
export class PricesController {
  constructor(
    private readonly ingestion: IngestionService,
    @Inject(MAX_BATCH) private readonly maxBatch: number,
  ) {}

  /** One price tick, or `{ "prices": [...] }`. */
  @Post()
  @HttpCode(202)
  async ingest(@Body() body: unknown): Promise<AcceptedPricesResponse> {
    const prices = readBatch(body, 'prices', PriceTickSchema, PriceBatchSchema, this.maxBatch, (p) => `${priceKey(p)}@${p.timestamp}`);
    await this.ingestion.acceptPrices(prices);
    return { accepted: prices.map((p) => ({ chainId: p.chainId, token: p.token, timestamp: p.timestamp })) };
  }
}
