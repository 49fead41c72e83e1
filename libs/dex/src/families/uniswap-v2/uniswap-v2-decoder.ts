import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * Uniswap V2 pairs and every fork that kept the event (SushiSwap, PancakeSwap V2, QuickSwap V2, Trader Joe V1,
 * Velodrome V1 / Solidly V1 pools). Tokens are the pair's token0/token1 slots, resolved by the pool resolver.
 */
export const UNISWAP_V2_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to)',
  ),
);

export const uniswapV2Decoder: SwapDecoder = {
  family: 'uniswap-v2',
  topic0s: [UNISWAP_V2_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(UNISWAP_V2_SWAP, log);
    if (typeof args === 'string') return reject(log, `uniswap-v2: ${args}`);
    // Net In − Out per token: flash swaps and odd routes report both Ins non-zero.
    const sides = sidesFromPoolDeltas(args.amount0In - args.amount0Out, args.amount1In - args.amount1Out);
    if (typeof sides === 'string') return reject(log, `uniswap-v2: ${sides}`);
    return poolSwap(log, chainId, { family: 'uniswap-v2', ...sides, eventSender: args.sender, eventRecipient: args.to });
  },
};
