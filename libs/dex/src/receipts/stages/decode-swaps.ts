import type { DecodedSwap } from '../../core/decoded-swap';
import type { DexFamilyId } from '../../core/family-id';
import type { RawLog } from '../../core/raw-log';
import type { PoolTokenDirectory } from '../../pools/pool-token-directory';
import type { LogClassifier } from '../../registry/log-classifier';
import { SUMMARY_TOPIC0S } from '../../registry/summary-topics';
import type { ReceiptRejection } from './receipt-rejection';

/** A swap log decoded, with what the classifier said of its emitter. */
export interface ClassifiedSwap {
  readonly swap: DecodedSwap;
  readonly dexId: string;
  readonly family: DexFamilyId;
  /** Classified by its topic0 alone (no registered emitter): its DEX may still be proven by its factory. */
  readonly byTopicOnly: boolean;
}

export interface DecodedLogs {
  readonly swaps: readonly ClassifiedSwap[];
  readonly rejected: readonly ReceiptRejection[];
  /** Of `rejected`: route summaries from emitters the registry does not know (see `SUMMARY_TOPIC0S`). */
  readonly unverifiedSummaries: readonly ReceiptRejection[];
}

/**
 * Stage 1: every log classified and decoded. Impostor emitters and bad layouts are rejected with their reason; a
 * pool's `Initialize` (V4) teaches the directory its tokens before any swap is resolved. A route summary from an
 * unregistered router is rejected too, and listed apart: it distorts no trade, the wallet decides instead.
 */
export function decodeSwaps(chainId: number, logs: readonly RawLog[], classifier: LogClassifier, pools: PoolTokenDirectory): DecodedLogs {
  const swaps: ClassifiedSwap[] = [];
  const rejected: ReceiptRejection[] = [];
  const unverifiedSummaries: ReceiptRejection[] = [];
  for (const log of logs) {
    const { classification, result } = classifier.decode(chainId, log);
    if (classification.kind === 'ignored') continue;
    if (classification.kind === 'rejected') {
      const rejection = { logIndex: log.logIndex, reason: classification.reason };
      rejected.push(rejection);
      if (log.topics[0] !== undefined && SUMMARY_TOPIC0S.has(log.topics[0])) unverifiedSummaries.push(rejection);
      continue;
    }
    if (!result) continue;
    if (result.kind === 'rejected') rejected.push({ logIndex: log.logIndex, reason: result.reason });
    else if (result.kind === 'pool-tokens') pools.learn({ ...result.pool, tokens: result.tokens, source: 'initialize' });
    else {
      const byTopicOnly = classification.source === 'topic0';
      swaps.push({ swap: result, dexId: classification.dexId, family: classification.family, byTopicOnly });
    }
  }
  return { swaps, rejected, unverifiedSummaries };
}
