import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { UNISWAP_V2_SWAP, uniswapV2Decoder } from './uniswap-v2-decoder';
import ethereum0x67cf6c4c from './fixtures/ethereum-0x67cf6c4c.json';
import polygon0xe13e0eba from '../dodo-v2/fixtures/polygon-0xe13e0eba.json';
import { abiWord } from '../shared/log-edits';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes), expected amounts cross-checked with rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_uniswapv2.py:
 * - 0x67cf6c4ce5078f9750a14afd2f5070c327caf8c5180bdee2be59644ac59974e1 (Ethereum), cassette
 *   cassettes/unit/decoders/test_uniswapv2/test_uniswap_v2_swap[ethereum_accounts0].yaml, rotki test
 *   `test_uniswap_v2_swap`: 0.15 ETH → 462.967761432322996701 FRAX via WETH→USDC→ALCX→FRAX (3 pairs).
 */
const multiHop = ethereum0x67cf6c4c as ReceiptFixture;
/*
 * - 0xe13e0ebab7a6abc0c0a22fcf0766b9a585a430415c88f3f90328b310119a85af (Polygon), the DODO V2 family's fixture
 *   (cassette cassettes/unit/decoders/test_1inch/test_1inch_swap_polygon[polygon_pos_accounts0].yaml, rotki test
 *   `test_1inch_swap_polygon`): a 1inch v4 split route whose legs are QuickSwap V2 pairs (V2 forks share the topic).
 */
const quickswapRoute = polygon0xe13e0eba as ReceiptFixture;

describe('uniswap-v2 decoder', () => {
  it('has the V2 Swap topic0 of the reference catalogue', () => {
    expect(UNISWAP_V2_SWAP.topic0).toBe('0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822');
    expect(uniswapV2Decoder.topic0s).toEqual([UNISWAP_V2_SWAP.topic0]);
  });

  describe('3-hop router swap 0x67cf6c4c (Ethereum)', () => {
    const USER = '0x3cadf2ca458376a6a5fea2ef3612346037d5a787';
    const ROUTER = '0x7a250d5630b4cf539739df2c5dacb4c659f2488d';

    it('is sent by the rotki test account', () => {
      expect(multiHop.chainId).toBe(1);
      expect(multiHop.receipt.from).toBe(USER);
      expect(multiHop.blockTimestamp).toBe(1628753094);
      expect(fixtureLogsWithTopic(multiHop, UNISWAP_V2_SWAP.topic0)).toHaveLength(3);
    });

    it('hop 1: 0.15 WETH (slot 1) in, 468.292899 USDC (slot 0) out of the USDC/WETH pair', () => {
      expect(uniswapV2Decoder.decode(fixtureLog(multiHop, 0x1ff), 1)).toEqual({
        kind: 'swap',
        family: 'uniswap-v2',
        level: 'pool',
        pool: { chainId: 1, address: '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc' },
        logIndex: 0x1ff,
        tokenIn: { slot: 1 },
        amountIn: 150_000_000_000_000_000n,
        tokenOut: { slot: 0 },
        amountOut: 468_292_899n,
        eventSender: ROUTER,
        eventRecipient: '0x9bac32d4f3322bc7588bb119283bad7073145355',
      });
      // The Transfer logs prove the slots: WETH went into the pair, USDC left it.
      const transfers = erc20Transfers(multiHop);
      expect(transfers).toContainEqual(expect.objectContaining({ token: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', to: '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc', amount: 150_000_000_000_000_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', from: '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc', amount: 468_292_899n }));
    });

    it('last hop pays the user 462.967761432322996701 FRAX (slot 1), as rotki books it', () => {
      const result = uniswapV2Decoder.decode(fixtureLog(multiHop, 0x207), 1);
      expect(result).toMatchObject({
        kind: 'swap',
        pool: { chainId: 1, address: '0xe1573b9d29e2183b1af0e743dc2754979a40d237' },
        tokenIn: { slot: 0 },
        amountIn: 0x7aa72c2d7bbdda13fn,
        tokenOut: { slot: 1 },
        amountOut: 462_967_761_432_322_996_701n,
        eventSender: ROUTER,
        eventRecipient: USER,
      });
      expect(erc20Transfers(multiHop)).toContainEqual(
        expect.objectContaining({ token: '0x853d955acef822db058eb8505911ed77f175b99e', to: USER, amount: 462_967_761_432_322_996_701n }),
      );
    });

    it('the middle hop chains the amounts: what hop 1 paid out goes in', () => {
      expect(uniswapV2Decoder.decode(fixtureLog(multiHop, 0x204), 1)).toMatchObject({
        // USDC is token1 of the 0x3432…/USDC pair (0x3432… sorts first).
        tokenIn: { slot: 1 },
        amountIn: 468_292_899n,
        tokenOut: { slot: 0 },
        amountOut: 0x7aa72c2d7bbdda13fn,
        eventRecipient: '0xe1573b9d29e2183b1af0e743dc2754979a40d237',
      });
    });

    it('is classified an unattributed uniswap-v2-fork from the topic alone, uniswap-v2 (verified) when the pool is known', () => {
      const log = fixtureLog(multiHop, 0x1ff);
      const decoders = createDecoderSet(SWAP_DECODERS);
      expect(createLogClassifier({ decoders }).classify(1, log)).toMatchObject({
        kind: 'classified',
        dexId: 'uniswap-v2-fork',
        family: 'uniswap-v2',
        verified: false,
        source: 'topic0',
      });
      const known = createLogClassifier({ decoders, lookupPool: (_chain, address) => (address === log.address ? 'uniswap-v2' : undefined) });
      expect(known.classify(1, log)).toMatchObject({ kind: 'classified', dexId: 'uniswap-v2', verified: true, source: 'known-pool' });
    });
  });

  describe('QuickSwap V2 legs of a 1inch route 0xe13e0eba (Polygon)', () => {
    const EXECUTOR = '0x2ec255797fef7669fa243509b7a599121148ffba';

    it('decodes all four V2-fork swaps; the Transfer logs prove each slot', () => {
      expect(fixtureLogsWithTopic(quickswapRoute, UNISWAP_V2_SWAP.topic0)).toHaveLength(4);
      // USDC (token0 of USDC/QUICK) in, 0.053220944658315193 QUICK out to the next pair.
      expect(uniswapV2Decoder.decode(fixtureLog(quickswapRoute, 0x11b), 137)).toMatchObject({
        pool: { chainId: 137, address: '0x1f1e4c845183ef6d50e9609f16f6f9cae43bc9cb' },
        tokenIn: { slot: 0 },
        amountIn: 19_360_155n,
        tokenOut: { slot: 1 },
        amountOut: 53_220_944_658_315_193n,
        eventSender: EXECUTOR,
        eventRecipient: '0x7190041a6131cb12f113c7f3903a988366e99d0b',
      });
      // 77.436 USDT (token1 of WETH/USDT) in, 0.020854839239597667 WETH (token0) out.
      expect(uniswapV2Decoder.decode(fixtureLog(quickswapRoute, 0x122), 137)).toMatchObject({
        tokenIn: { slot: 1 },
        amountIn: 77_436_000n,
        tokenOut: { slot: 0 },
        amountOut: 20_854_839_239_597_667n,
      });
      expect(erc20Transfers(quickswapRoute)).toContainEqual(
        expect.objectContaining({ token: '0xc2132d05d31c914a87c6611c10748aeb04b58e8f', to: '0xf6422b997c7f54d1c6a6e103bcb1499eea0a7046', amount: 77_436_000n }),
      );
    });
  });

  describe('amount rules and garbage', () => {
    const base = fixtureLog(multiHop, 0x1ff);
    const withAmounts = (a0In: bigint, a1In: bigint, a0Out: bigint, a1Out: bigint) => ({
      ...base,
      data: `0x${abiWord(a0In)}${abiWord(a1In)}${abiWord(a0Out)}${abiWord(a1Out)}` as `0x${string}`,
    });

    it('nets In − Out per token when both Ins are non-zero', () => {
      expect(uniswapV2Decoder.decode(withAmounts(100n, 5n, 0n, 50n), 1)).toMatchObject({
        tokenIn: { slot: 0 },
        amountIn: 100n,
        tokenOut: { slot: 1 },
        amountOut: 45n,
      });
    });

    it.each([
      ['all zero', withAmounts(0n, 0n, 0n, 0n)],
      ['both sides in', withAmounts(10n, 10n, 0n, 0n)],
      ['in and out on the same token only', withAmounts(10n, 0n, 10n, 0n)],
    ])('rejects %s', (_name, log) => {
      expect(uniswapV2Decoder.decode(log, 1)).toMatchObject({ kind: 'rejected', logIndex: 0x1ff, reason: expect.stringContaining('uniswap-v2') });
    });

    it('rejects short data, extra data, a missing topic and non-hex data with a reason', () => {
      const cases = [
        { ...base, data: base.data.slice(0, 130) as `0x${string}` },
        { ...base, data: `${base.data}00` as `0x${string}` },
        { ...base, topics: base.topics.slice(0, 2) },
        { ...base, data: `0x${'zz'.repeat(128)}` as `0x${string}` },
        { ...base, topics: [base.topics[0], 'not-a-topic', base.topics[2]] as `0x${string}`[] },
      ];
      for (const log of cases) {
        const result = uniswapV2Decoder.decode(log, 1);
        expect(result.kind).toBe('rejected');
        expect(result).toHaveProperty('reason', expect.stringMatching(/uniswap-v2: Swap: /));
      }
    });
  });
});
