import { NATIVE_TOKEN as NATIVE } from '../shared/swap-result';
import { tradesOfFixture } from '../shared/fixture-trades';
import { withLeadingWords } from '../shared/log-edits';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { UNISWAP_V3_SWAP } from '../uniswap-v3/uniswap-v3-decoder';
import { PANCAKESWAP_V3_SWAP, pancakeswapV3Decoder } from './pancakeswap-v3-decoder';
import arbitrum0x5a092c4d from './fixtures/arbitrum-0x5a092c4d.json';
import ethereum0xcfb3b158 from './fixtures/ethereum-0xcfb3b158.json';
import base0x2029ab1a from './fixtures/base-0x2029ab1a.json';

/*
 * Real recorded log (rotki/test-caching VCR cassette):
 * - 0x5a092c4d40f2f6a090ec00c38c5b6266bd07f4e6ab3ff87f18c575749a4e60ec (Arbitrum), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inch_swap_via_pancake[arbitrum_one_accounts0].yaml (rotki test
 *   `test_1inch_swap_via_pancake`): 1inch v6 (no summary event) routes 7.743722519084241430 of token 0x11cd…4978
 *   through the PancakeSwap V3 pool 0xdd8d…f317 for WETH, unwrapped and paid out as 0.002036613409952366 ETH (the
 *   cassette's internal-transaction record: WETH → executor → router → user).
 * - 0xcfb3b1587bb4d24a06d0f543493098ab285ae3763a489911da5bbea99bcb3499 (Ethereum), cassette
 *   cassettes/unit/decoders/test_zerox/test_swap_on_pancakeswap[ethereum_accounts0].yaml, rotki/rotki
 *   rotkehlchen/tests/unit/decoders/test_zerox.py `test_swap_on_pancakeswap`: 10.414111669423209 ETH →
 *   36912.012249 USDT through the 0x Exchange Proxy and one PancakeSwap V3 pool, gas 0.017837784148433769 ETH,
 *   timestamp 1709701415000.
 */
const viaOneInch = arbitrum0x5a092c4d as ReceiptFixture;
const viaZeroEx = ethereum0xcfb3b158 as ReceiptFixture;
/*
 * - 0x2029ab1ad9985a21c8a064be8384b531d55864f37f16a1716a00da8577891aab (Base), cassette
 *   cassettes/unit/decoders/test_odos_v2/test_swap_on_base[base_accounts0].yaml, rotki/rotki
 *   rotkehlchen/tests/unit/decoders/test_odos_v2.py `test_swap_on_base`: 10.586121519928495085 AERO →
 *   0.003163240870272189 ETH via a V3-topic pool (AERO → 0xb79d…4376) then a PancakeSwap V3 pool (→ WETH), gas
 *   0.00000767513097358 ETH (execution + L1 data fee), timestamp 1721303613000. Odos' own summary event is not a
 *   decoded family here, so the two hops are the trade.
 */
const viaOdos = base0x2029ab1a as ReceiptFixture;
const POOL = '0xdd8d6624a601ab4f0c898dfd04aabfbeaa0ff317';
const EXECUTOR = '0xde9e4fe32b049f821c7f3e9802381aa470ffca73';
const TOKEN = '0x11cdb42b0eb46d95f990bedd4695a6e3fa034978';
const WETH = '0x82af49447d8a07e3bd95bd0d56f35241523fbab1';
const USER = '0xac305b47bb34ad6bb566288050920e9307fd23a7';

describe('pancakeswap-v3 decoder', () => {
  it('has its own Swap topic0 (two protocol-fee words more than Uniswap V3)', () => {
    expect(PANCAKESWAP_V3_SWAP.topic0).toBe('0x19b47279256b2a23a1665c810c8d55a1758940ee09377d4f8d26497a3577dc83');
    expect(PANCAKESWAP_V3_SWAP.topic0).not.toBe(UNISWAP_V3_SWAP.topic0);
    expect(PANCAKESWAP_V3_SWAP.dataLength).toBe(2 + 64 * 7);
    expect(fixtureLogsWithTopic(viaOneInch, PANCAKESWAP_V3_SWAP.topic0)).toHaveLength(1);
  });

  describe('1inch v6 route through pool 0xdd8d…f317 (Arbitrum)', () => {
    it('reads pool-side signs: token0 in (positive), token1 out (negative), the executor as sender and recipient', () => {
      expect(pancakeswapV3Decoder.decode(fixtureLog(viaOneInch, 0xe), 42161)).toEqual({
        kind: 'swap',
        family: 'pancakeswap-v3',
        level: 'pool',
        pool: { chainId: 42161, address: POOL },
        logIndex: 0xe,
        tokenIn: { slot: 0 },
        amountIn: 7_743_722_519_084_241_430n,
        tokenOut: { slot: 1 },
        amountOut: 2_036_613_409_952_366n,
        eventSender: EXECUTOR,
        eventRecipient: EXECUTOR,
      });
    });

    it('the transfers into and out of the pool prove slot 0 and slot 1', () => {
      const transfers = erc20Transfers(viaOneInch);
      expect(transfers).toContainEqual(expect.objectContaining({ token: TOKEN, to: POOL, amount: 7_743_722_519_084_241_430n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: WETH, from: POOL, amount: 2_036_613_409_952_366n }));
    });

    it('is one trade of tx.from (the executor is not the trader): the token for WETH, with the sender’s gas', () => {
      const { trades, rejected } = tradesOfFixture(viaOneInch);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '42161:0x5a092c4d40f2f6a090ec00c38c5b6266bd07f4e6ab3ff87f18c575749a4e60ec:14',
          userId: USER,
          dex: 'pancakeswap-v3',
          tokenIn: TOKEN,
          amountIn: '7743722519084241430',
          tokenOut: NATIVE,
          amountOut: '2036613409952366',
          timestamp: 1_753_079_607_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: (0x328c4n * 0x12215b8n).toString() })],
          origin: expect.objectContaining({ eventSender: EXECUTOR, venues: [POOL] }),
        }),
      ]);
    });
  });

  describe('0x route through pool 0x6ca2…e15c (Ethereum)', () => {
    const POOL_ETH = '0x6ca298d2983ab03aa1da7679389d955a4efee15c';
    const FLASH_WALLET = '0x22f9dcf4647084d6c31b2765f6910cd85c178c18';
    const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';

    it('decodes the pool hop: 10.414111669423209 WETH (token0) in, 36948.961210 USDT (token1) out', () => {
      expect(pancakeswapV3Decoder.decode(fixtureLog(viaZeroEx, 0x14), 1)).toMatchObject({
        pool: { chainId: 1, address: POOL_ETH },
        tokenIn: { slot: 0 },
        amountIn: 10_414_111_669_423_209_000n,
        tokenOut: { slot: 1 },
        amountOut: 36_948_961_210n,
        eventRecipient: FLASH_WALLET,
      });
    });

    it('the 0x summary is the trade (the hop and 0x’s 36.948961 USDT fee are not counted again): rotki’s figures', () => {
      const { trades, swaps, rejected } = tradesOfFixture(viaZeroEx);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => [s.dexId, s.level])).toEqual([['pancakeswap-v3', 'pool'], ['zeroex', 'aggregator']]);
      expect(trades).toEqual([
        expect.objectContaining({
          userId: '0xa26b29a299c65d0f63a8568ba5663028347f5571',
          tokenIn: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
          amountIn: '10414111669423209000',
          tokenOut: USDT,
          amountOut: '36912012249',
          timestamp: 1_709_701_415_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '17837784148433769' })],
        }),
      ]);
    });
  });

  describe('Odos route through a V3 pool then pool 0x5b9f…846e (Base)', () => {
    const AERO = '0x940181a94a35a4569e4529a3cdfb74e38fd98631';
    // The intermediate token both pools share; it nets out of the user's trade.
    const MIDDLE = '0xb79dd08ea68a908a97220c76d19a6aa9cbde4376';

    it('decodes the PancakeSwap hop: the intermediate token (token1) in, WETH (token0) out', () => {
      expect(pancakeswapV3Decoder.decode(fixtureLog(viaOdos, 0x39), 8453)).toMatchObject({
        pool: { chainId: 8453, address: '0x5b9feb72588d2800892a00d2abb4ca9071df846e' },
        tokenIn: { slot: 1 },
        amountIn: 0xa6c0bbn,
        tokenOut: { slot: 0 },
        amountOut: 3_163_240_870_272_189n,
      });
    });

    it('nets the two families’ hops into rotki’s one trade: 10.586121519928495085 AERO → 0.003163240870272189 ETH (Odos unwrapped the WETH)', () => {
      const { trades, rejected } = tradesOfFixture(viaOdos);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0x2029ab1ad9985a21c8a064be8384b531d55864f37f16a1716a00da8577891aab:54',
          userId: '0x19b43787fbc106d427be3ca3307d4fb0a73d83dc',
          // The route's first hop (its dex names the trade) is a V3-topic pool no registered factory places.
          dex: 'uniswap-v3-fork',
          tokenIn: AERO,
          amountIn: '10586121519928495085',
          tokenOut: NATIVE,
          amountOut: '3163240870272189',
          timestamp: 1_721_303_613_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '7675130973580' })],
          origin: expect.objectContaining({ logIndexes: [0x36, 0x39] }),
        }),
      ]);
      expect(erc20Transfers(viaOdos).filter((t) => t.token === MIDDLE).map((t) => t.amount)).toEqual([0xa6c0bbn, 0xa6c0bbn]);
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(viaOneInch, 0xe);
    const withDeltas = (a0: bigint, a1: bigint) => withLeadingWords(base, a0, a1);

    it('rejects both sides in, both out, a Uniswap V3-length log under this topic, and a missing topic', () => {
      for (const log of [
        withDeltas(5n, 5n),
        withDeltas(-5n, -5n),
        { ...base, data: base.data.slice(0, 2 + 64 * 5) as `0x${string}` },
        { ...base, topics: base.topics.slice(0, 2) },
      ]) {
        expect(pancakeswapV3Decoder.decode(log, 42161)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^pancakeswap-v3: /) });
      }
    });
  });
});
