import { NATIVE_TOKEN as NATIVE } from '../shared/swap-result';
import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { tradesOfFixture } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, type ReceiptFixture } from '../shared/receipt-fixture';
import { UNISWAP_V3_SWAP, uniswapV3Decoder } from './uniswap-v3-decoder';
import arbitrum0x3ea90c2f from './fixtures/arbitrum-0x3ea90c2f.json';
import base0x5b41c094 from './fixtures/base-0x5b41c094.json';

/*
 * Real recorded log (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_uniswapv4.py:
 * - 0x3ea90c2f3882c798185d135307a5ee3c366790c62bf9755f1035ff6bd9fb5381 (Arbitrum), cassette
 *   cassettes/unit/decoders/test_uniswapv4/test_swap_token_to_eth[arbitrum_one_accounts0].yaml, rotki test
 *   `test_swap_token_to_eth` ("token to native via the V4 router and a V3 pool"): spends 3908.26 of token 0xc87b…056c
 *   for WETH, unwrapped to ETH for the user.
 * - 0x5b41c094c49462cd97fc19dc898ef23c24f859b46dbd38ecf5d34d3d0fd291f5 (Base), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inch_base_v6_swap[base_accounts0].yaml, rotki/rotki
 *   rotkehlchen/tests/unit/decoders/test_1inch.py `test_1inch_base_v6_swap`: 311804 BERD → 0.002362174980374604 ETH
 *   through one V3-topic pool, gas 0.000019908608867869 ETH (L2 execution + L1 data fee), timestamp 1716833467000.
 */
const tokenToEth = arbitrum0x3ea90c2f as ReceiptFixture;
const baseSwap = base0x5b41c094 as ReceiptFixture;
const POOL = '0x5cbddc44f31067df328aa7a8da03aca6f2edd2ad';
const UNIVERSAL_ROUTER = '0xa51afafe0263b40edaef0df8781ea9aa03e381a3';
const WETH = '0x82af49447d8a07e3bd95bd0d56f35241523fbab1';
const TOKEN = '0xc87b37a581ec3257b734886d9d3a581f5a9d056c';

describe('uniswap-v3 decoder', () => {
  it('has the V3 Swap topic0 of the reference catalogue', () => {
    expect(UNISWAP_V3_SWAP.topic0).toBe('0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67');
  });

  describe('token → ETH through a V3 pool 0x3ea90c2f (Arbitrum)', () => {
    const log = fixtureLog(tokenToEth, 0xa);

    it('reads pool-side signs: positive amount1 is what the pool received', () => {
      expect(tokenToEth.receipt.from).toBe('0xb2fb1e31baffacee52d4b9ab79009eccccb856e5');
      expect(tokenToEth.blockTimestamp).toBe(1755267925);
      expect(uniswapV3Decoder.decode(log, 42161)).toEqual({
        kind: 'swap',
        family: 'uniswap-v3',
        level: 'pool',
        pool: { chainId: 42161, address: POOL },
        logIndex: 0xa,
        tokenIn: { slot: 1 },
        amountIn: 3_908_260_000_000_000_000_000n, // rotki: spend 3908.26
        tokenOut: { slot: 0 },
        amountOut: 29_015_039_707_052_972n,
        eventSender: UNIVERSAL_ROUTER,
        eventRecipient: UNIVERSAL_ROUTER,
      });
    });

    it('slot 1 is the spent token and slot 0 WETH, as the Transfer logs show', () => {
      const transfers = erc20Transfers(tokenToEth);
      expect(transfers).toContainEqual(expect.objectContaining({ token: TOKEN, to: POOL, amount: 3_908_260_000_000_000_000_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: WETH, from: POOL, amount: 29_015_039_707_052_972n }));
      // The router then splits the WETH into a fee and the ETH unwrapped for the user.
      const fromRouter = transfers.filter((t) => t.token === WETH && t.from === UNIVERSAL_ROUTER).reduce((sum, t) => sum + t.amount, 0n);
      expect(fromRouter).toBe(29_015_039_707_052_972n);
    });

    it('is classified by factory-pool lookup (verified) or by topic alone (unverified)', () => {
      const decoders = createDecoderSet(SWAP_DECODERS);
      expect(createLogClassifier({ decoders }).classify(42161, log)).toMatchObject({ dexId: 'uniswap-v3-fork', verified: false });
      const known = createLogClassifier({ decoders, lookupPool: (chainId, address) => (chainId === 42161 && address === POOL ? 'uniswap-v3' : undefined) });
      expect(known.classify(42161, log)).toMatchObject({ kind: 'classified', dexId: 'uniswap-v3', verified: true, source: 'known-pool' });
      // A pool the resolver knows as a V2 pair that emits the V3 topic is rejected, not decoded.
      const wrong = createLogClassifier({ decoders, lookupPool: () => 'sushiswap-v2' });
      expect(wrong.classify(42161, log)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('sushiswap-v2') });
    });
  });

  describe('1inch v6 swap through a V3 pool 0x5b41c094 (Base)', () => {
    const POOL_BASE = '0xf16baaae8eb7b37f4280e72924479f69e7a61f32';
    const EXECUTOR = '0xe37e799d5077682fa0a244d46e5649f71457bd09';
    const BERD = '0xad1c24de53fad18270d5c99026302e989d212b41';
    const WETH_BASE = '0x4200000000000000000000000000000000000006';

    it('reads token1 in (positive) and token0 out (negative), the 1inch executor as sender and recipient', () => {
      expect(uniswapV3Decoder.decode(fixtureLog(baseSwap, 0x13), 8453)).toEqual({
        kind: 'swap',
        family: 'uniswap-v3',
        level: 'pool',
        pool: { chainId: 8453, address: POOL_BASE },
        logIndex: 0x13,
        tokenIn: { slot: 1 },
        amountIn: 311_804_000_000_000_000_000_000n,
        tokenOut: { slot: 0 },
        amountOut: 2_362_174_980_374_604n,
        eventSender: EXECUTOR,
        eventRecipient: EXECUTOR,
      });
    });

    it('is one trade of tx.from with rotki’s amounts and gas (the L1 data fee included): the pool’s WETH, unwrapped, is ETH', () => {
      const { trades, rejected, swaps } = tradesOfFixture(baseSwap);
      expect(rejected).toEqual([]);
      expect(swaps.map((s) => s.tokenOut)).toEqual([WETH_BASE]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '8453:0x5b41c094c49462cd97fc19dc898ef23c24f859b46dbd38ecf5d34d3d0fd291f5:19',
          userId: '0xc37b40abdb939635068d3c5f13e7faf686f03b65',
          dex: 'uniswap-v3',
          tokenIn: BERD,
          amountIn: '311804000000000000000000',
          tokenOut: NATIVE,
          amountOut: '2362174980374604',
          timestamp: 1_716_833_467_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '19908608867869' })],
        }),
      ]);
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(tokenToEth, 0xa);
    it.each([
      ['short data', { ...base, data: base.data.slice(0, 100) as Hex }],
      ['one topic too many', { ...base, topics: [...base.topics, base.topics[1]] as Hex[] }],
      ['non-hex topic', { ...base, topics: [base.topics[0], `0x${'x'.repeat(64)}`, base.topics[2]] as Hex[] }],
      ['both amounts positive', { ...base, data: `0x${'0'.repeat(63)}1${'0'.repeat(63)}1${base.data.slice(130)}` as Hex }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(uniswapV3Decoder.decode(log, 42161)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('uniswap-v3') });
    });
  });
});
