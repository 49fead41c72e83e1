import type { ChainReceipt } from '@hyperdex/contracts';
import { createLogger } from '@hyperdex/observability';
import { ChainReceiptDecoder } from '../../chain-receipt-decoder';
import { ChainFollower, type FollowerMetrics } from '../chain-follower';
import type { FollowedTradeRef } from '../follow-cursor';
import type { FollowedReceiptSink } from '../followed-receipt-sink';
import { JsonRpcBlockSource } from '../json-rpc-block-source';
import { MemoryFollowCursorStore } from '../memory-follow-cursor.store';

export interface FollowThroughputRequest {
  /** The node's endpoint per chain, each serving blocks `fromBlock`…its head. */
  readonly chains: ReadonlyArray<{ readonly chainId: number; readonly url: string }>;
  readonly fromBlock: number;
}

export interface FollowThroughputResult {
  readonly blocks: number;
  readonly receipts: number;
  readonly trades: number;
  readonly seconds: number;
  /** Wall time of each block, from the end of the previous one (its RPC calls, validation, filter, decoding). */
  readonly blockMicros: readonly number[];
}

/** Decodes followed receipts into trades as ingestion does (same decoder and pipeline), without publishing them. */
class DecodingSink implements FollowedReceiptSink {
  trades = 0;
  private readonly decoder = ChainReceiptDecoder.create();

  async ingestBlock(receipts: readonly ChainReceipt[]): Promise<FollowedTradeRef[]> {
    const refs = receipts.flatMap((receipt) => this.decoder.decodeLedger(receipt).trades.map((t) => ({ tradeId: t.tradeId, userId: t.userId, timestamp: t.timestamp })));
    this.trades += refs.length;
    return refs;
  }

  async retract(): Promise<void> {
    // The measured segment has no reorg.
  }
}

/**
 * Follows each chain's served segment from `fromBlock` to its head with the real follower (JSON-RPC source,
 * `eth_getBlockReceipts`, receipt validation, watched-address filter, the receipt pipeline), a cursor held in memory,
 * and times it. What `bench:dex` reports as the follower's receipts/s.
 */
export async function measureFollowThroughput(request: FollowThroughputRequest): Promise<FollowThroughputResult> {
  const sink = new DecodingSink();
  const blockMicros: number[] = [];
  let receipts = 0;
  let last = process.hrtime.bigint();
  const metrics: FollowerMetrics = {
    headLag: () => undefined,
    reorg: () => undefined,
    blockIngested: (_chainId, count) => {
      const now = process.hrtime.bigint();
      blockMicros.push(Number(now - last) / 1_000);
      last = now;
      receipts += count;
    },
  };
  const logger = createLogger('follow-throughput', 'fatal');
  const started = process.hrtime.bigint();
  for (const chain of request.chains) {
    const source = new JsonRpcBlockSource(chain.chainId, chain.url);
    const follower = new ChainFollower(source, new MemoryFollowCursorStore(), sink, { fromBlock: request.fromBlock, confirmations: 0, watched: [], reorgDepth: 128, maxBlocksPerStep: 100 }, metrics, logger);
    last = process.hrtime.bigint();
    while ((await follower.step()) > 0);
    await source.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { blocks: blockMicros.length, receipts, trades: sink.trades, seconds, blockMicros };
}
