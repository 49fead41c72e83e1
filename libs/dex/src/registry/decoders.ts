import type { SwapDecoder } from '../core/swap-decoder';
import { algebraIntegralDecoder } from '../families/algebra-integral/algebra-integral-decoder';
import { balancerV2Decoder } from '../families/balancer-v2/balancer-v2-decoder';
import { balancerV3Decoder } from '../families/balancer-v3/balancer-v3-decoder';
import { curveDecoder } from '../families/curve/curve-decoder';
import { pancakeswapV3Decoder } from '../families/pancakeswap-v3/pancakeswap-v3-decoder';
import { solidlyV2Decoder } from '../families/solidly-v2/solidly-v2-decoder';
import { uniswapV2Decoder } from '../families/uniswap-v2/uniswap-v2-decoder';
import { uniswapV3Decoder } from '../families/uniswap-v3/uniswap-v3-decoder';
import { uniswapV4Decoder } from '../families/uniswap-v4/uniswap-v4-decoder';
import { aggregatorSwappedDecoder } from '../families/aggregator-swapped/aggregator-swapped-decoder';
import { cowProtocolDecoder } from '../families/cow-protocol/cow-protocol-decoder';
import { dodoV2Decoder } from '../families/dodo-v2/dodo-v2-decoder';
import { kyberswapClassicDecoder } from '../families/kyberswap-classic/kyberswap-classic-decoder';
import { maverickV1Decoder } from '../families/maverick-v1/maverick-v1-decoder';
import { maverickV2Decoder } from '../families/maverick-v2/maverick-v2-decoder';
import { traderJoeLbDecoder } from '../families/trader-joe-lb/trader-joe-lb-decoder';
import { zeroexDecoder } from '../families/zeroex/zeroex-decoder';

/**
 * Every family decoder the pipeline runs. A new family plugs in by adding its import above and its decoder here;
 * `createDecoderSet(SWAP_DECODERS)` builds the topic0 lookup from this list.
 */
export const SWAP_DECODERS: readonly SwapDecoder[] = [
  uniswapV2Decoder,
  uniswapV3Decoder,
  pancakeswapV3Decoder,
  algebraIntegralDecoder,
  uniswapV4Decoder,
  solidlyV2Decoder,
  curveDecoder,
  balancerV2Decoder,
  balancerV3Decoder,
  traderJoeLbDecoder,
  maverickV1Decoder,
  maverickV2Decoder,
  dodoV2Decoder,
  kyberswapClassicDecoder,
  cowProtocolDecoder,
  zeroexDecoder,
  aggregatorSwappedDecoder,
];
