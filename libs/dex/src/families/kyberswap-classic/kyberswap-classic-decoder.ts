import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject, sidesFromPoolDeltas } from '../shared/swap-result';

/**
 * KyberSwap Classic (DMM) pools: the Uniswap V2 amounts plus the dynamic fee (`feeInPrecision`, 1e18 = 100%), which is
 * enough to give it its own topic0. Tokens are the pool's token0/token1 slots.
 */
export const KYBERSWAP_CLASSIC_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out, uint256 amount1Out, address indexed to, uint256 feeInPrecision)',
  ),
);

export const kyberswapClassicDecoder: SwapDecoder = {
  family: 'kyberswap-classic',
  topic0s: [KYBERSWAP_CLASSIC_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(KYBERSWAP_CLASSIC_SWAP, log);
    if (typeof args === 'string') return reject(log, `kyberswap-classic: ${args}`);
    // Net In − Out per token, as for V2 pairs (both Ins can be non-zero on odd routes).
    const sides = sidesFromPoolDeltas(args.amount0In - args.amount0Out, args.amount1In - args.amount1Out);
    if (typeof sides === 'string') return reject(log, `kyberswap-classic: ${sides}`);
    return poolSwap(log, chainId, { family: 'kyberswap-classic', ...sides, eventSender: args.sender, eventRecipient: args.to });
  },
};
