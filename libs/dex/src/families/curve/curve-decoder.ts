import { parseAbiItem } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { SwapDecoder } from '../../core/swap-decoder';
import type { TokenRef } from '../../core/token-ref';
import { decodeLayout, eventLayout, type EventLayout } from '../shared/event-layout';
import { poolSwap, reject } from '../shared/swap-result';
import type { AbiEvent } from 'viem';

/** Stableswap (3pool, factory plain/meta, stableswap-ng): int128 coin indices. */
export const CURVE_TOKEN_EXCHANGE = eventLayout(
  parseAbiItem(
    'event TokenExchange(address indexed buyer, int128 sold_id, uint256 tokens_sold, int128 bought_id, uint256 tokens_bought)',
  ),
);
/** Crypto v1 pools (tricrypto2, crvETH, factory twocrypto v1): uint256 coin indices. */
export const CURVE_TOKEN_EXCHANGE_CRYPTO = eventLayout(
  parseAbiItem(
    'event TokenExchange(address indexed buyer, uint256 sold_id, uint256 tokens_sold, uint256 bought_id, uint256 tokens_bought)',
  ),
);
/** tricrypto-ng / twocrypto-ng: crypto layout plus fee and packed_price_scale. */
export const CURVE_TOKEN_EXCHANGE_NG = eventLayout(
  parseAbiItem(
    'event TokenExchange(address indexed buyer, uint256 sold_id, uint256 tokens_sold, uint256 bought_id, uint256 tokens_bought, uint256 fee, uint256 packed_price_scale)',
  ),
);
/** Lending and meta pools trading their underlying coins (metapool: 0 = meta coin, 1.. = base-pool coins). */
export const CURVE_TOKEN_EXCHANGE_UNDERLYING = eventLayout(
  parseAbiItem(
    'event TokenExchangeUnderlying(address indexed buyer, int128 sold_id, uint256 tokens_sold, int128 bought_id, uint256 tokens_bought)',
  ),
);

/** No Curve pool has more coins than this (8 in the largest stableswap-ng pools); larger ids are garbage. */
const MAX_COINS = 8n;

interface ExchangeArgs {
  readonly buyer: `0x${string}`;
  readonly sold_id: bigint;
  readonly tokens_sold: bigint;
  readonly bought_id: bigint;
  readonly tokens_bought: bigint;
}

type ExchangeEvent = AbiEvent & { readonly name: 'TokenExchange' | 'TokenExchangeUnderlying' };

const VARIANTS = new Map<string, { readonly layout: EventLayout<ExchangeEvent>; readonly underlying: boolean }>([
  [CURVE_TOKEN_EXCHANGE.topic0, { layout: CURVE_TOKEN_EXCHANGE, underlying: false }],
  [CURVE_TOKEN_EXCHANGE_CRYPTO.topic0, { layout: CURVE_TOKEN_EXCHANGE_CRYPTO, underlying: false }],
  [CURVE_TOKEN_EXCHANGE_NG.topic0, { layout: CURVE_TOKEN_EXCHANGE_NG, underlying: false }],
  [CURVE_TOKEN_EXCHANGE_UNDERLYING.topic0, { layout: CURVE_TOKEN_EXCHANGE_UNDERLYING, underlying: true }],
]);

const slotRef = (id: bigint, underlying: boolean): TokenRef =>
  underlying ? { slot: Number(id), underlying: true } : { slot: Number(id) };

/** Curve pools: tokens are coin slots (`coins(i)` or `underlying_coins(i)`) that the pool resolver turns into addresses. */
export const curveDecoder: SwapDecoder = {
  family: 'curve',
  topic0s: [...VARIANTS.keys()] as `0x${string}`[],
  decode(log: RawLog, chainId: number): DecodeResult {
    const variant = VARIANTS.get(log.topics[0]?.toLowerCase() ?? '');
    if (!variant) return reject(log, `curve: topic0 ${log.topics[0] ?? '(none)'} is no TokenExchange variant`);
    const decoded = decodeLayout(variant.layout, log);
    if (typeof decoded === 'string') return reject(log, `curve: ${decoded}`);
    const args = decoded as unknown as ExchangeArgs;
    const { sold_id: sold, bought_id: bought } = args;
    if (sold < 0n || bought < 0n || sold >= MAX_COINS || bought >= MAX_COINS) {
      return reject(log, `curve: coin index out of range (sold ${sold}, bought ${bought})`);
    }
    if (sold === bought) return reject(log, `curve: sold and bought the same coin ${sold}`);
    return poolSwap(log, chainId, {
      family: 'curve',
      tokenIn: slotRef(sold, variant.underlying),
      amountIn: args.tokens_sold,
      tokenOut: slotRef(bought, variant.underlying),
      amountOut: args.tokens_bought,
      eventSender: args.buyer,
    });
  },
};
