import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { EventSubscriberFactory, eachEvent } from '@hyperdex/messaging';
import { ChainIngestionService } from './chain-ingestion.service';

const GROUP = 'ingestion-chain-receipts';

/** The same decoding for receipts produced to Kafka by chain indexers instead of posted over HTTP. */
@Injectable()
export class ChainReceiptsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly subscribers: EventSubscriberFactory,
    private readonly chain: ChainIngestionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribers.subscribe({
      topic: Topics.chainReceipts,
      groupId: GROUP,
      fromBeginning: true,
      handleBatch: eachEvent(async (receipt, context) => {
        await this.chain.ingest([receipt], { partition: context.partition, offset: context.offset, consumerGroup: GROUP });
      }),
    });
  }
}
