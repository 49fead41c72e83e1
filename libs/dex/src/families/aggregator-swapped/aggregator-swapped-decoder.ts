import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, reject } from '../shared/swap-result';

/**
 * The router summary event shared by 1inch AggregationRouterV4 and KyberSwap MetaAggregationRouterV2 (and other
 * routers that copied it, which is why the registry only trusts it from known routers). Nothing is indexed. The user is
 * `sender` (equal to tx.from in the real logs checked); `dstReceiver` gets the output. `0xeeee…` is the native coin.
 */
export const AGGREGATOR_SWAPPED = eventLayout(
  parseAbiItem(
    'event Swapped(address sender, address srcToken, address dstToken, address dstReceiver, uint256 spentAmount, uint256 returnAmount)',
  ),
);

export const aggregatorSwappedDecoder: SwapDecoder = {
  family: 'aggregator-swapped',
  topic0s: [AGGREGATOR_SWAPPED.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(AGGREGATOR_SWAPPED, log);
    if (typeof args === 'string') return reject(log, `aggregator-swapped: ${args}`);
    if (args.spentAmount <= 0n || args.returnAmount <= 0n) {
      return reject(log, `aggregator-swapped: zero amount (spent ${args.spentAmount}, returned ${args.returnAmount})`);
    }
    const sender = lower(args.sender);
    return {
      kind: 'swap',
      family: 'aggregator-swapped',
      level: 'aggregator',
      pool: { chainId, address: lower(log.address) },
      logIndex: log.logIndex,
      tokenIn: { address: lower(args.srcToken) },
      amountIn: args.spentAmount,
      tokenOut: { address: lower(args.dstToken) },
      amountOut: args.returnAmount,
      eventSender: sender,
      eventRecipient: lower(args.dstReceiver),
      trader: sender,
    };
  },
};
