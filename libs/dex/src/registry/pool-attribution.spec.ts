import type { Address } from 'viem';
import cowArbitrum from '../families/cow-protocol/fixtures/arbitrum-0xd1b5ca7b.json';
import cowGnosis from '../families/cow-protocol/fixtures/gnosis-0x024e1da9.json';
import dodoPolygonAlgebra from '../families/dodo-v2/fixtures/polygon-0xdbe490bb.json';
import dodoPolygonQuickswap from '../families/dodo-v2/fixtures/polygon-0xe13e0eba.json';
import pancakeArbitrum from '../families/pancakeswap-v3/fixtures/arbitrum-0x5a092c4d.json';
import pancakeBase from '../families/pancakeswap-v3/fixtures/base-0x2029ab1a.json';
import pancakeEthereum from '../families/pancakeswap-v3/fixtures/ethereum-0xcfb3b158.json';
import solidlyOptimism from '../families/solidly-v2/fixtures/optimism-0x0cca192b.json';
import uniswapV2Ethereum from '../families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json';
import uniswapV3Arbitrum from '../families/uniswap-v3/fixtures/arbitrum-0x3ea90c2f.json';
import uniswapV3Base from '../families/uniswap-v3/fixtures/base-0x5b41c094.json';
import zeroexArbitrum from '../families/zeroex/fixtures/arbitrum-0x355c18ab.json';
import zeroexBase from '../families/zeroex/fixtures/base-0x4a5eb8fa.json';
import { tradesOfFixture } from '../families/shared/fixture-trades';
import type { ReceiptFixture } from '../families/shared/receipt-fixture';
import { normalizeReceipt } from '../receipts/normalized-receipt';
import { createDecoderSet } from './decoder-set';
import { SWAP_DECODERS } from './decoders';
import { DEX_DEFINITIONS } from './dex-definitions';
import { createLogClassifier } from './log-classifier';
import { derivePoolAddresses } from './pool-address-derivation';

/*
 * A pool known only by its topic0 gets the DEX whose registered factory places it at its address (CREATE2 over its
 * tokens). The placements in dex-definitions.ts ([c2]) are checked here against pools of real recorded receipts: the
 * tokens the receipt's transfers prove, derived through the factory, give back the address that emitted the swap.
 */
const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });

/** The dex id the whole decoder books for the swap that pool emitted in this recording. */
const dexOfPool = (fixture: ReceiptFixture, pool: string): string | undefined =>
  tradesOfFixture(fixture).swaps.find((s) => s.venue === pool)?.dexId;

describe('pool attribution by factory (CREATE2)', () => {
  it.each([
    ['uniswap-v2', uniswapV2Ethereum, '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc', 'Ethereum USDC/WETH pair'],
    ['uniswap-v2', uniswapV2Ethereum, '0x9bac32d4f3322bc7588bb119283bad7073145355', 'Ethereum, 2nd hop'],
    ['uniswap-v2', uniswapV2Ethereum, '0xe1573b9d29e2183b1af0e743dc2754979a40d237', 'Ethereum, 3rd hop'],
    ['uniswap-v2', cowArbitrum, '0x103b03051bf073c44decfaf8dfd12275254ab97e', 'Arbitrum, a CoW solver hop'],
    ['quickswap-v2', dodoPolygonQuickswap, '0x1f1e4c845183ef6d50e9609f16f6f9cae43bc9cb', 'Polygon, a 1inch hop'],
    ['quickswap-v2', dodoPolygonQuickswap, '0x7190041a6131cb12f113c7f3903a988366e99d0b', 'Polygon, a 1inch hop'],
    ['quickswap-v2', dodoPolygonQuickswap, '0xf6422b997c7f54d1c6a6e103bcb1499eea0a7046', 'Polygon, a 1inch hop'],
    ['sushiswap-v2', dodoPolygonQuickswap, '0xdfa3ddd1807db8e4b4851d2e5421374e433a2983', 'Polygon, the route’s 4th pair'],
    ['sushiswap-v2', cowArbitrum, '0xcb0e5bfa72bbb4d16ab5aa0c60601c438f04b4ad', 'Arbitrum, a CoW solver hop'],
    ['sushiswap-v2', cowGnosis, '0x0f9d54d9ee044220a3925f9b97509811924fd269', 'Gnosis, a CoW solver hop'],
    ['quickswap-v3', dodoPolygonAlgebra, '0xeecb5db986c20a8c88d8332e7e252a9671565751', 'Polygon Algebra V1 pool'],
    ['uniswap-v3', dodoPolygonAlgebra, '0xe12d3e29b814637f4ce848f40a0c34ee93ff4a70', 'Polygon, fee 10000'],
    ['uniswap-v3', uniswapV3Arbitrum, '0x5cbddc44f31067df328aa7a8da03aca6f2edd2ad', 'Arbitrum, fee 3000'],
    ['uniswap-v3', zeroexArbitrum, '0xc31e54c7a869b9fcbecc14363cf510d1c41fa443', 'Arbitrum, fee 500'],
    ['uniswap-v3', zeroexArbitrum, '0x8e295789c9465487074a65b1ae9ce0351172393f', 'Arbitrum, fee 100'],
    ['uniswap-v3', uniswapV3Base, '0xf16baaae8eb7b37f4280e72924479f69e7a61f32', 'Base (its own factory)'],
    ['pancakeswap-v3', pancakeEthereum, '0x6ca298d2983ab03aa1da7679389d955a4efee15c', 'Ethereum, deployer'],
    ['pancakeswap-v3', pancakeArbitrum, '0xdd8d6624a601ab4f0c898dfd04aabfbeaa0ff317', 'Arbitrum, deployer'],
    ['pancakeswap-v3', pancakeBase, '0x5b9feb72588d2800892a00d2abb4ca9071df846e', 'Base, fee 100'],
    ['velodrome-v2', solidlyOptimism, '0x0af32614eea68b8d2232b9592fbdb6512ab6da73', 'Optimism volatile pool (a clone)'],
    ['velodrome-v2', solidlyOptimism, '0x814e2d6e8f7477329bb6c196111a08464abe11dd', 'Optimism, 2nd hop'],
    ['velodrome-v2', solidlyOptimism, '0xd25711edfbf747efce181442cc1d8f5f8fc8a0d3', 'Optimism, 3rd pool'],
    ['aerodrome-v2', zeroexBase, '0x2223f9fe624f69da4d8256a7bcc9104fba7f8f75', 'Base AERO/USDbC volatile pool, a 0x hop'],
  ] as ReadonlyArray<readonly [string, unknown, string, string]>)('books %s for recorded pool %s (%s)', (dexId, fixture, pool) => {
    expect(dexOfPool(fixture as ReceiptFixture, pool)).toBe(dexId);
  });

  it('names QuickSwap and SushiSwap for the hops a topic alone would have booked under the generic uniswap-v2 id', () => {
    const { swaps } = tradesOfFixture(dodoPolygonQuickswap as ReceiptFixture);
    const v2Hops = swaps.filter((s) => s.dexId !== 'dodo-v2' && s.level === 'pool').map((s) => s.dexId);
    expect(v2Hops).toEqual(['quickswap-v2', 'quickswap-v2', 'quickswap-v2', 'sushiswap-v2']);
  });

  it('remembers the pool, so its next log is classified by (chain, emitter) as a verified pool of that DEX', () => {
    const fixture = dodoPolygonQuickswap as ReceiptFixture;
    const { pools } = tradesOfFixture(fixture);
    const pool = '0x1f1e4c845183ef6d50e9609f16f6f9cae43bc9cb' as Address;
    expect(pools.dexOf(137, pool)).toBe('quickswap-v2');
    const swapLog = normalizeReceipt({ chainId: 137, blockTimestamp: 0, receipt: fixture.receipt }).logs.find(
      (l) => l.address === pool && l.topics[0] === '0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822',
    );
    if (!swapLog) throw new Error('the recording has no swap from this pool');
    const again = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (c, a) => pools.dexOf(c, a) });
    expect(again.classify(137, swapLog)).toMatchObject({ kind: 'classified', dexId: 'quickswap-v2', verified: true, source: 'known-pool' });
  });

  it('books a pool no registered factory places under its family’s unattributed id, never a named DEX', () => {
    // A V3-topic pool on Base (an Odos hop) that neither Uniswap's nor any other registered placement yields.
    expect(dexOfPool(pancakeBase as ReceiptFixture, '0x44006a9288963b4551e93199a3b6d275a8bb086e')).toBe('uniswap-v3-fork');
  });

  describe('attributePool', () => {
    const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' as Address;
    const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' as Address;
    const PAIR = '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc' as Address;

    it('proves the Uniswap V2 USDC/WETH pair from its address and tokens alone', () => {
      expect(classifier.attributePool(1, 'uniswap-v2', PAIR, [USDC, WETH])).toBe('uniswap-v2');
    });

    it('proves nothing from tokens out of factory order, another address, another chain or family, a missing slot', () => {
      expect(classifier.attributePool(1, 'uniswap-v2', PAIR, [WETH, USDC])).toBeUndefined();
      expect(classifier.attributePool(1, 'uniswap-v2', '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dd', [USDC, WETH])).toBeUndefined();
      expect(classifier.attributePool(10, 'uniswap-v2', PAIR, [USDC, WETH])).toBeUndefined();
      expect(classifier.attributePool(1, 'uniswap-v3', PAIR, [USDC, WETH])).toBeUndefined();
      expect(classifier.attributePool(1, 'uniswap-v2', PAIR, [USDC, null])).toBeUndefined();
    });

    it('derives one address per fee tier for V3-style factories', () => {
      const uniswapV3 = DEX_DEFINITIONS.find((d) => d.id === 'uniswap-v3')?.deployments.find((d) => d.chainId === 1)?.poolAddressing;
      if (!uniswapV3) throw new Error('uniswap-v3 has no placement on Ethereum');
      const addresses = derivePoolAddresses(uniswapV3, USDC, WETH);
      expect(addresses).toHaveLength(4);
      // The USDC/WETH 0.05% pool, seen swapping in the ParaSwap route of rotki's test_mega_swap_token_fee cassette.
      expect(addresses[1]).toBe('0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640');
    });
  });
});
