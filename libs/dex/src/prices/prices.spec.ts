import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAbiParameters, encodeEventTopics, parseAbiItem, type Address, type Hex } from 'viem';
import type { RawLog } from '../core/raw-log';
import { KNOWN_POOLS } from '../pools/known-pools';
import { PoolTokenDirectory } from '../pools/pool-token-directory';
import { createDecoderSet } from '../registry/decoder-set';
import { SWAP_DECODERS } from '../registry/decoders';
import { createLogClassifier } from '../registry/log-classifier';
import { normalizeReceipt, type ReceiptInput } from '../receipts/normalized-receipt';
import { tradesFromReceipt } from '../receipts/trades-from-receipt';
import { ANSWER_UPDATED_TOPIC0, chainlinkPrices } from './chainlink-answers';
import { swapImpliedPrices, type PriceReferences } from './swap-implied-prices';
import { withWrappedNativeTwins } from './wrapped-native-twins';

const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const refs: PriceReferences = {
  decimalsOf: (_c, token) => ({ [USDC]: 6, [WETH]: 18, [NATIVE]: 18 } as Record<string, number>)[token],
  referencePriceOf: (_c, token) => (token === USDC ? 10n ** 18n : undefined),
};

describe('swap-implied prices on a real receipt', () => {
  it('prices native ETH from the V4 ETH/USDC swap: 930.157818 USDC / 0.201453662983962514 ETH', () => {
    // The real mainnet V4 receipt (rotki test_swap_eth_to_token); its pool is in KNOWN_POOLS.
    const f = JSON.parse(readFileSync(join(__dirname, '..', 'families', 'uniswap-v4', 'fixtures', 'ethereum-0x4a3d3205.json'), 'utf8')) as ReceiptInput;
    const pools = new PoolTokenDirectory(KNOWN_POOLS);
    const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (c, a) => pools.dexOf(c, a) });
    const receipt = normalizeReceipt(f);
    const { swaps } = tradesFromReceipt(receipt, { classifier, pools });
    const ticks = swapImpliedPrices(swaps, 1, receipt.timestampMs, refs);
    // 930.157818 / 0.201453662983962514 = 4617.229… (truncated at 18 decimals).
    expect(ticks).toEqual([{ chainId: 1, token: NATIVE, priceUsd: expect.stringMatching(/^4617\.2/), timestamp: receipt.timestampMs, source: 'swap:uniswap-v4' }]);
    expect(Number(ticks[0]?.priceUsd)).toBeCloseTo(930.157818 / 0.2014536629839625, 6);
  });

  it('implies nothing for a pair of reference tokens or a token of unknown decimals', () => {
    const swap = { logIndex: 1, dexId: 'x', level: 'pool' as const, user: WETH as Address, venue: WETH as Address, amountIn: 5n, amountOut: 5n };
    expect(swapImpliedPrices([{ ...swap, tokenIn: USDC as Address, tokenOut: USDC as Address }], 1, 0, refs)).toEqual([]);
    expect(swapImpliedPrices([{ ...swap, tokenIn: USDC as Address, tokenOut: '0x1111111111111111111111111111111111111111' }], 1, 0, refs)).toEqual([]);
  });
});

describe('wrapped-native twins', () => {
  const tick = (chainId: number, token: string, source = 'swap:uniswap-v2') => ({ chainId, token, priceUsd: '3121.95266', timestamp: 1, source });

  it('prices ETH from a WETH tick and WETH from an ETH tick, saying so in the source', () => {
    expect(withWrappedNativeTwins([tick(1, WETH)])).toEqual([tick(1, WETH), tick(1, NATIVE, 'swap:uniswap-v2 (1:1 unwrapped)')]);
    expect(withWrappedNativeTwins([tick(8453, NATIVE, 'chainlink')])).toEqual([
      tick(8453, NATIVE, 'chainlink'),
      tick(8453, '0x4200000000000000000000000000000000000006', 'chainlink (1:1 wrapped)'),
    ]);
  });

  it('adds no twin where the batch prices both itself, nor for other tokens or chains without a registered wrapper', () => {
    expect(withWrappedNativeTwins([tick(1, WETH), tick(1, NATIVE, 'chainlink')])).toHaveLength(2);
    expect(withWrappedNativeTwins([tick(1, USDC), tick(324, NATIVE)])).toEqual([tick(1, USDC), tick(324, NATIVE)]);
  });
});

describe('Chainlink AnswerUpdated', () => {
  // Encoded with viem from the event's ABI: no recorded AnswerUpdated log is among the fixtures.
  const event = parseAbiItem('event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt)');
  const AGGREGATOR = '0x00000000000000000000000000000000000000fe';
  const log = (answer: bigint, address = AGGREGATOR): RawLog => ({
    address: address as Address,
    topics: encodeEventTopics({ abi: [event], eventName: 'AnswerUpdated', args: { current: answer, roundId: 7n } }) as Hex[],
    data: encodeAbiParameters([{ type: 'uint256' }], [1_764_000_000n]),
    logIndex: 3,
    removed: false,
  });
  const feeds = [{ chainId: 1, aggregator: AGGREGATOR as Address, token: WETH as Address, decimals: 8 }];

  it('prices the feed token at answer / 10^decimals, timed at updatedAt', () => {
    expect(log(1n).topics[0]).toBe(ANSWER_UPDATED_TOPIC0);
    expect(chainlinkPrices(1, [log(345_012_345_678n)], feeds)).toEqual([
      { chainId: 1, token: WETH, priceUsd: '3450.12345678', timestamp: 1_764_000_000_000, source: 'chainlink' },
    ]);
  });

  it('ignores unconfigured emitters and non-positive answers', () => {
    expect(chainlinkPrices(1, [log(100n, '0x00000000000000000000000000000000000000aa'), log(0n), log(-5n)], feeds)).toEqual([]);
  });
});
