import { tradesOfFixture } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, type ReceiptFixture } from '../shared/receipt-fixture';
import { DODO_V2_SWAP, dodoV2Decoder } from './dodo-v2-decoder';
import polygon0xdbe490bb from './fixtures/polygon-0xdbe490bb.json';
import polygon0xe13e0eba from './fixtures/polygon-0xe13e0eba.json';

/*
 * Real recorded log (rotki/test-caching VCR cassette), cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_1inch.py:
 * - 0xe13e0ebab7a6abc0c0a22fcf0766b9a585a430415c88f3f90328b310119a85af (Polygon), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inch_swap_polygon[polygon_pos_accounts0].yaml, rotki test
 *   `test_1inch_swap_polygon`: 96.795 USDT → YFI through 1inch v4 (timestamp 1641040985000, gas 0.0579902 MATIC). The
 *   route's first hop is a DODO V2 pool (0xa002…086e: 19.359 USDT → 19.360155 USDC), then QuickSwap V2 pairs.
 * - 0xdbe490bbfa05c142328fb17e0a4b937aef6515319054684463ff55e6fd8ecb3b (Polygon), cassette
 *   cassettes/unit/decoders/test_cowswap/test_cowswap_polygon_swap[polygon_pos_accounts0].yaml: a CoW settlement whose
 *   solver routes through KyberSwap (a V3-topic pool, the DODO V2 pool 0x4b54…99b4: WETH → USDC.e, another V3-topic
 *   pool). No stored rotki test asserts it; the same cassette's CoW API answer for the order states owner 0x9531…1306,
 *   executedSellAmount 52787715553000000000000, executedBuyAmount 54890715 (USDC) — what the Trade log says.
 */
const route = polygon0xe13e0eba as ReceiptFixture;
const cowSettlement = polygon0xdbe490bb as ReceiptFixture;
const DODO_POOL = '0xa0020444b98f67b77a3d6de6e66af11c87da086e';
const EXECUTOR = '0x2ec255797fef7669fa243509b7a599121148ffba';
const USDT = '0xc2132d05d31c914a87c6611c10748aeb04b58e8f';
const USDC = '0x2791bca1f2de4661ed88a30c99a7a9449aa84174';
const YFI = '0xda537104d6a5edd53c6fbba9a898708e465260b6';

describe('dodo-v2 decoder', () => {
  it('has the 6-field DODOSwap topic0 (nothing indexed)', () => {
    expect(DODO_V2_SWAP.topic0).toBe('0xc2c0245e056d5fb095f04cd6373bc770802ebd1e6c918eb78fdef843cdb37b0f');
    expect(DODO_V2_SWAP.topicCount).toBe(1);
  });

  describe('first hop of a 1inch route 0xe13e0eba (Polygon)', () => {
    it('names both tokens in the event: 19.359 USDT in, 19.360155 USDC out, the 1inch executor as trader and receiver', () => {
      expect(dodoV2Decoder.decode(fixtureLog(route, 0x117), 137)).toEqual({
        kind: 'swap',
        family: 'dodo-v2',
        level: 'pool',
        pool: { chainId: 137, address: DODO_POOL },
        logIndex: 0x117,
        tokenIn: { address: USDT },
        amountIn: 19_359_000n,
        tokenOut: { address: USDC },
        amountOut: 19_360_155n,
        eventSender: EXECUTOR,
        eventRecipient: EXECUTOR,
      });
      const transfers = erc20Transfers(route);
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDT, from: EXECUTOR, to: DODO_POOL, amount: 19_359_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC, from: DODO_POOL, to: EXECUTOR, amount: 19_360_155n }));
    });

    it('the 1inch summary is the trade (96.795 USDT → 0.002830144606136162 YFI) and the DODO and QuickSwap hops are not counted again', () => {
      const { trades, swaps, rejected } = tradesOfFixture(route);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => [s.logIndex, s.dexId, s.level])).toEqual([
        [0x117, 'dodo-v2', 'pool'],
        // The pairs' factories place them at these addresses (CREATE2): three QuickSwap pairs and a SushiSwap one.
        [0x11b, 'quickswap-v2', 'pool'],
        [0x11e, 'quickswap-v2', 'pool'],
        [0x122, 'quickswap-v2', 'pool'],
        [0x125, 'sushiswap-v2', 'pool'],
        [0x129, '1inch-v4', 'aggregator'],
      ]);
      expect(trades).toEqual([
        expect.objectContaining({
          userId: '0xc37b40abdb939635068d3c5f13e7faf686f03b65',
          tokenIn: USDT,
          amountIn: '96795000',
          tokenOut: YFI,
          amountOut: '2830144606136162',
          timestamp: 1_641_040_985_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '57990200000000000' })],
        }),
      ]);
    });
  });

  describe('hop of a KyberSwap route inside a CoW settlement 0xdbe490bb (Polygon)', () => {
    const POOL = '0x4b543e89351faa242cb0172b2da0cdb52db699b4';
    const KYBER_EXECUTOR = '0x63242a4ea82847b20e506b63b0e2e2eff0cc6cb0';
    const WETH = '0x7ceb23fd6bc0add59e62ac25578270cff1b9f619';
    const SETTLEMENT = '0x9008d19f58aabd9ed0d60971565aa8510560ab41';
    const OWNER = '0x9531c059098e3d194ff87febb587ab07b30b1306';

    it('decodes WETH → USDC.e with the Kyber executor as trader and receiver, as the pool’s transfers show', () => {
      expect(dodoV2Decoder.decode(fixtureLog(cowSettlement, 532), 137)).toEqual({
        kind: 'swap',
        family: 'dodo-v2',
        level: 'pool',
        pool: { chainId: 137, address: POOL },
        logIndex: 532,
        tokenIn: { address: WETH },
        amountIn: 18_112_457_331_430_920n,
        tokenOut: { address: USDC },
        amountOut: 54_901_590n,
        eventSender: KYBER_EXECUTOR,
        eventRecipient: KYBER_EXECUTOR,
      });
      const transfers = erc20Transfers(cowSettlement);
      expect(transfers).toContainEqual(expect.objectContaining({ token: WETH, from: KYBER_EXECUTOR, to: POOL, amount: 18_112_457_331_430_920n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC, from: POOL, to: KYBER_EXECUTOR, amount: 54_901_590n }));
    });

    it('the owner’s CoW trade is the one trade: neither the hops nor the solver’s Kyber summary (traded by the settlement) count', () => {
      const { trades, swaps, rejected, withheld } = tradesOfFixture(cowSettlement);
      expect(rejected).toEqual([]);
      expect(withheld).toEqual([]);
      expect(swaps.map((s) => [s.logIndex, s.dexId, s.level, s.user])).toEqual([
        [519, 'cow-protocol', 'aggregator', OWNER],
        [528, 'uniswap-v3', 'pool', '0x6715174ade6ac9fb8e0d5461b8051f7dd496798b'],
        [532, 'dodo-v2', 'pool', '0x6715174ade6ac9fb8e0d5461b8051f7dd496798b'],
        [538, 'quickswap-v3', 'pool', '0x6715174ade6ac9fb8e0d5461b8051f7dd496798b'],
        [541, 'kyberswap-aggregator', 'aggregator', SETTLEMENT],
      ]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '137:0xdbe490bbfa05c142328fb17e0a4b937aef6515319054684463ff55e6fd8ecb3b:519',
          userId: OWNER,
          dex: 'cow-protocol',
          tokenIn: '0xc7b1807822160a8c5b6c9eaf5c584aad0972deec',
          amountIn: '52787715553000000000000',
          tokenOut: '0x3c499c542cef5e3811e1192ce70d8cc03d5c3359',
          amountOut: '54890715',
          timestamp: 1_764_543_520_000,
        }),
      ]);
      // The solver paid the gas, and the solver made no trade of its own here.
      expect(trades[0]?.fees).toBeUndefined();
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(route, 0x117);

    it('rejects the same token on both sides, zero amounts, short data and an indexed variant with a reason', () => {
      const words = base.data.slice(2).match(/.{64}/g) ?? [];
      const data = (parts: string[]) => `0x${parts.join('')}` as `0x${string}`;
      for (const log of [
        { ...base, data: data([words[0] ?? '', words[0] ?? '', ...words.slice(2)]) },
        { ...base, data: data([...words.slice(0, 2), '0'.repeat(64), ...words.slice(3)]) },
        { ...base, data: base.data.slice(0, 2 + 64 * 5) as `0x${string}` },
        { ...base, topics: [...base.topics, base.topics[0]] as `0x${string}`[] },
      ]) {
        expect(dodoV2Decoder.decode(log, 137)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^dodo-v2: /) });
      }
    });
  });
});
