import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ChainReceiptBatchSchema, validate, type ChainReceiptsResponse } from '@hyperdex/contracts';
import { ApiKeyGuard } from './api-key.guard';
import { invalid } from './batch-body';
import { ChainIngestionService } from './chain-ingestion.service';
import { MAX_BATCH } from './trades.controller';

@Controller('v1/chain/receipts')
@UseGuards(ApiKeyGuard)
export class ChainReceiptsController {
  constructor(
    private readonly chain: ChainIngestionService,
    @Inject(MAX_BATCH) private readonly maxBatch: number,
  ) {}

  /**
   * `{ "receipts": [{ chainId, blockTimestamp, receipt }] }`, each receipt exactly as `eth_getTransactionReceipt`
   * returns it. 200 says per receipt which trades and retractions it produced and which swap logs were refused and why.
   */
  @Post()
  @HttpCode(200)
  async ingest(@Body() body: unknown): Promise<ChainReceiptsResponse> {
    const receipts = (body as { receipts?: unknown } | null)?.receipts;
    if (Array.isArray(receipts) && receipts.length > this.maxBatch) {
      throw invalid([{ field: 'receipts', reason: `must hold at most ${this.maxBatch} items, got ${receipts.length}` }]);
    }
    const result = validate(ChainReceiptBatchSchema, body);
    if (!result.ok) throw invalid(result.errors);
    return { receipts: await this.chain.ingest(result.value.receipts) };
  }
}
