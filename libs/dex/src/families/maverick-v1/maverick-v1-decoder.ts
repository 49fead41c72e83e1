import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { TokenRef } from '../../core/token-ref';
import type { SwapDecoder } from '../../core/swap-decoder';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { poolSwap, reject } from '../shared/swap-result';

/**
 * Maverick V1 pools. The deployed ABI indexes nothing (an audit copy indexes sender/recipient, which would move them
 * to topics and change nothing of the topic0 — the strict topic count rejects that variant). `tokenAIn` picks the side:
 * tokenA is slot 0, tokenB slot 1 (`pool.tokenA()` / `tokenB()`).
 */
export const MAVERICK_V1_SWAP = eventLayout(
  parseAbiItem(
    'event Swap(address sender, address recipient, bool tokenAIn, bool exactOutput, uint256 amountIn, uint256 amountOut, int32 activeTick)',
  ),
);

const TOKEN_A: TokenRef = { slot: 0 };
const TOKEN_B: TokenRef = { slot: 1 };

export const maverickV1Decoder: SwapDecoder = {
  family: 'maverick-v1',
  topic0s: [MAVERICK_V1_SWAP.topic0],
  decode(log: RawLog, chainId: number): DecodeResult {
    const args = decodeLayout(MAVERICK_V1_SWAP, log);
    if (typeof args === 'string') return reject(log, `maverick-v1: ${args}`);
    return poolSwap(log, chainId, {
      family: 'maverick-v1',
      tokenIn: args.tokenAIn ? TOKEN_A : TOKEN_B,
      amountIn: args.amountIn,
      tokenOut: args.tokenAIn ? TOKEN_B : TOKEN_A,
      amountOut: args.amountOut,
      eventSender: args.sender,
      eventRecipient: args.recipient,
    });
  },
};
