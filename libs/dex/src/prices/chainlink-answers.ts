import { decodeEventLog, parseAbiItem, toEventSelector, type Address } from 'viem';
import type { PriceTick } from '@hyperdex/contracts';
import type { RawLog } from '../core/raw-log';

const ANSWER_UPDATED = parseAbiItem('event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt)');
export const ANSWER_UPDATED_TOPIC0 = toEventSelector(ANSWER_UPDATED);

/** A Chainlink aggregator (the contract that emits AnswerUpdated, not the proxy) and the token its USD answer prices. */
export interface ChainlinkFeed {
  readonly chainId: number;
  readonly aggregator: Address;
  readonly token: Address;
  /** Decimals of the answer (8 for USD feeds). */
  readonly decimals: number;
}

/**
 * USD prices from Chainlink `AnswerUpdated` logs of configured feeds; other emitters of the topic are ignored (anyone
 * can emit it). The tick's time is the round's `updatedAt`, not the block's. Non-positive answers are skipped.
 */
export function chainlinkPrices(chainId: number, logs: readonly RawLog[], feeds: readonly ChainlinkFeed[]): PriceTick[] {
  const byAggregator = new Map(feeds.filter((f) => f.chainId === chainId).map((f) => [f.aggregator.toLowerCase(), f]));
  const ticks: PriceTick[] = [];
  for (const log of logs) {
    if (log.removed || log.topics[0] !== ANSWER_UPDATED_TOPIC0 || log.topics.length !== 3) continue;
    const feed = byAggregator.get(log.address);
    if (!feed) continue;
    const { args } = decodeEventLog({ abi: [ANSWER_UPDATED], data: log.data, topics: log.topics as [`0x${string}`, ...`0x${string}`[]] });
    if (args.current <= 0n) continue;
    const scale = 10n ** BigInt(feed.decimals);
    const whole = args.current / scale;
    const fraction = (args.current % scale).toString().padStart(feed.decimals, '0').replace(/0+$/, '');
    ticks.push({
      chainId,
      token: feed.token.toLowerCase(),
      priceUsd: fraction ? `${whole}.${fraction}` : whole.toString(),
      timestamp: Number(args.updatedAt) * 1000,
      source: 'chainlink',
    });
  }
  return ticks;
}
