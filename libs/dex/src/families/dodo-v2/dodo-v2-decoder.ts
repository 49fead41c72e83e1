import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, poolSwap, reject } from '../shared/swap-result';

/**
 * DODO V2 pools (DVM / DSP / DPP-oracle). Nothing is indexed and the tokens are in the event. `trader` is the caller
 * of the pool (DODO's proxy or an aggregator executor far more often than the user), so it is kept as the event
 * sender, not as the trader; `receiver` is where the output went.
 */
export const DODO_V2_SWAP = eventLayout(
  parseAbiItem(
    'event DODOSwap(address fromToken, address toToken, uint256 fromAmount, uint256 toAmount, address trader, address receiver)',
  ),
);

export const dodoV2Decoder: SwapDecoder = {
  family: 'dodo-v2',
  topic0s: [DODO_V2_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(DODO_V2_SWAP, log);
    if (typeof args === 'string') return reject(log, `dodo-v2: ${args}`);
    if (lower(args.fromToken) === lower(args.toToken)) return reject(log, `dodo-v2: fromToken equals toToken ${args.fromToken}`);
    return poolSwap(log, chainId, {
      family: 'dodo-v2',
      tokenIn: { address: lower(args.fromToken) },
      amountIn: args.fromAmount,
      tokenOut: { address: lower(args.toToken) },
      amountOut: args.toAmount,
      eventSender: args.trader,
      eventRecipient: args.receiver,
    });
  },
};
