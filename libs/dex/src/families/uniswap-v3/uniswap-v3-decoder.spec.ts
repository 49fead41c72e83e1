import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, type ReceiptFixture } from '../shared/receipt-fixture';
import { UNISWAP_V3_SWAP, uniswapV3Decoder } from './uniswap-v3-decoder';
import arbitrum0x3ea90c2f from './fixtures/arbitrum-0x3ea90c2f.json';

/*
 * Real recorded log (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_uniswapv4.py:
 * - 0x3ea90c2f3882c798185d135307a5ee3c366790c62bf9755f1035ff6bd9fb5381 (Arbitrum), cassette
 *   cassettes/unit/decoders/test_uniswapv4/test_swap_token_to_eth[arbitrum_one_accounts0].yaml, rotki test
 *   `test_swap_token_to_eth` ("token to native via the V4 router and a V3 pool"): spends 3908.26 of token 0xc87b…056c
 *   for WETH, unwrapped to ETH for the user.
 */
const tokenToEth = arbitrum0x3ea90c2f as ReceiptFixture;
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
      expect(createLogClassifier({ decoders }).classify(42161, log)).toMatchObject({ dexId: 'uniswap-v3', verified: false });
      const known = createLogClassifier({ decoders, lookupPool: (chainId, address) => (chainId === 42161 && address === POOL ? 'uniswap-v3' : undefined) });
      expect(known.classify(42161, log)).toMatchObject({ kind: 'classified', dexId: 'uniswap-v3', verified: true, source: 'known-pool' });
      // A pool the resolver knows as a V2 pair that emits the V3 topic is rejected, not decoded.
      const wrong = createLogClassifier({ decoders, lookupPool: () => 'sushiswap-v2' });
      expect(wrong.classify(42161, log)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('sushiswap-v2') });
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
