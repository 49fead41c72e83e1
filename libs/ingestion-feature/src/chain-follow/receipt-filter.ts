import type { Hex } from 'viem';
import type { ChainReceipt } from '@hyperdex/contracts';
import { SWAP_DECODERS } from '@hyperdex/dex';

const SWAP_TOPICS: ReadonlySet<string> = new Set(SWAP_DECODERS.flatMap((decoder) => decoder.topic0s));

const asTopic = (address: string): Hex => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;

/**
 * Which receipts of a block the follower ingests: those with a swap log, and — when addresses are watched — that
 * involve one of them: sent by it, or naming it in an indexed field of any log (a transfer to or from it, a CoW
 * owner, a Safe or a UserOperation's account). An empty watch list keeps every swap.
 */
export function receiptFilter(watched: readonly string[]): (receipt: ChainReceipt['receipt']) => boolean {
  const addresses = new Set(watched.map((a) => a.toLowerCase()));
  const topics = new Set(watched.map(asTopic));
  return (receipt) => {
    if (!receipt.logs.some((log) => log.topics[0] !== undefined && SWAP_TOPICS.has(log.topics[0].toLowerCase()))) return false;
    if (addresses.size === 0) return true;
    return addresses.has(receipt.from.toLowerCase()) || receipt.logs.some((log) => log.topics.slice(1).some((t) => topics.has(t.toLowerCase() as Hex)));
  };
}
