import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { TransferBatchSchema, TransferSchema, type AcceptedTransfersResponse } from '@hyperdex/contracts';
import { ApiKeyGuard } from './api-key.guard';
import { readBatch } from './batch-body';
import { IngestionService } from './ingestion.service';
import { MAX_BATCH } from './trades.controller';

@Controller('v1/transfers')
@UseGuards(ApiKeyGuard)
export class TransfersController {
  constructor(
    private readonly ingestion: IngestionService,
    @Inject(MAX_BATCH) private readonly maxBatch: number,
  ) {}

  /** One deposit/withdrawal, or `{ "transfers": [...] }`. All or nothing: 202 lists the accepted ids. */
  @Post()
  @HttpCode(202)
  async ingest(@Body() body: unknown): Promise<AcceptedTransfersResponse> {
    const transfers = readBatch(body, 'transfers', TransferSchema, TransferBatchSchema, this.maxBatch, (t) => t.transferId);
    await this.ingestion.acceptTransfers(transfers);
    return { accepted: transfers.map((t) => t.transferId) };
  }
}
