import { encodeAbiParameters, encodeEventTopics, type Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import type { RawLog } from '../../core/raw-log';
import { erc20Transfers, fixtureLog, type ReceiptFixture } from '../shared/receipt-fixture';
import { NATIVE_TOKEN } from '../shared/swap-result';
import { UNISWAP_V4_INITIALIZE, UNISWAP_V4_SWAP, uniswapV4Decoder } from './uniswap-v4-decoder';
import ethereum0x4a3d3205 from './fixtures/ethereum-0x4a3d3205.json';
import optimism0xb1501f9d from './fixtures/optimism-0xb1501f9d.json';
import { PoolTokenDirectory } from '../../pools/pool-token-directory';
import { tradesOfFixture } from '../shared/fixture-trades';

/*
 * Real recorded log (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_uniswapv4.py:
 * - 0x4a3d3205385105f5159b905c8a1471a6328452909d826f55ef2f0690381d9aa7 (Ethereum), cassette
 *   cassettes/unit/decoders/test_uniswapv4/test_swap_eth_to_token[ethereum_accounts0].yaml, rotki test
 *   `test_swap_eth_to_token`: 0.201453662983962514 ETH (native) → USDC; rotki books the USDC received plus a
 *   2.325394 USDC Universal Router fee, which together are the pool's 930.157818 USDC out.
 */
const ethToUsdc = ethereum0x4a3d3205 as ReceiptFixture;
/*
 * - 0xb1501f9d4d188c769cd1bda14a5fe87e828470fbef968bb8e5e7b702344e8e73 (Optimism), cassette
 *   cassettes/unit/decoders/test_uniswapv4/test_swap_token_to_token[optimism_accounts0].yaml, rotki test
 *   `test_swap_token_to_token`: 1 USDC.e → 0.999889 USDC through the Optimism PoolManager, gas 0.000000046217643623 ETH
 *   (execution + L1 data fee), timestamp 1755523647000.
 */
const usdceToUsdc = optimism0xb1501f9d as ReceiptFixture;
const POOL_MANAGER = '0x000000000004444c5dc75cb358380d2e3de08a90';
const UNIVERSAL_ROUTER = '0x66a9893cc07d91d95644aedd05d03f95e1dba8af';

describe('uniswap-v4 decoder', () => {
  it('has the V4 Swap topic0 of the reference catalogue and an Initialize topic0', () => {
    expect(UNISWAP_V4_SWAP.topic0).toBe('0x40e9cecb9f5f1f1c5b9c97dec2917b7ee92e57ba5563708daca94dd84ad7112f');
    expect(uniswapV4Decoder.topic0s).toEqual([UNISWAP_V4_SWAP.topic0, UNISWAP_V4_INITIALIZE.topic0]);
  });

  describe('native ETH → USDC 0x4a3d3205 (Ethereum)', () => {
    const swapLog = fixtureLog(ethToUsdc, 0x98);

    it('reads swapper-side signs: negative amount0 is the ETH paid in, positive amount1 the USDC out', () => {
      expect(ethToUsdc.receipt.from).toBe('0x3ed56f271ea3b86523e44ff1ee0d21f40d68d94f');
      expect(ethToUsdc.blockTimestamp).toBe(1755181019);
      expect(uniswapV4Decoder.decode(swapLog, 1)).toEqual({
        kind: 'swap',
        family: 'uniswap-v4',
        level: 'pool',
        pool: {
          chainId: 1,
          address: POOL_MANAGER,
          poolId: '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7',
        },
        logIndex: 0x98,
        // currency0 of an ETH pool is address(0): slot 0 resolves to the native coin.
        tokenIn: { slot: 0 },
        amountIn: 201_453_662_983_962_514n,
        tokenOut: { slot: 1 },
        amountOut: 930_157_818n,
        eventSender: UNIVERSAL_ROUTER,
      });
    });

    it('matches what left the PoolManager and what rotki books (received + router fee)', () => {
      const usdc = erc20Transfers(ethToUsdc).filter((t) => t.token === '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
      expect(usdc.find((t) => t.from === POOL_MANAGER)?.amount).toBe(930_157_818n);
      const toUser = usdc.find((t) => t.to === ethToUsdc.receipt.from)?.amount;
      const fee = usdc.find((t) => t.to === '0x27213e28d7fda5c57fe9e5dd923818dbccf71c47')?.amount;
      expect(fee).toBe(2_325_394n); // rotki: 'Spend 2.325394 USDC as a Uniswap V4 fee'
      expect((toUser ?? 0n) + (fee ?? 0n)).toBe(930_157_818n);
    });

    it('is classified by the mainnet PoolManager singleton', () => {
      const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
      expect(classifier.classify(1, swapLog)).toMatchObject({
        kind: 'classified',
        dexId: 'uniswap-v4',
        family: 'uniswap-v4',
        verified: true,
        source: 'singleton',
      });
      // The same bytes from a contract that is not a PoolManager are not trusted.
      expect(classifier.classify(1, { ...swapLog, address: '0x1111111111111111111111111111111111111111' })).toMatchObject({
        kind: 'rejected',
        reason: expect.stringContaining('no known uniswap-v4 singleton'),
      });
      // Nor is a PoolManager address on another chain.
      expect(classifier.classify(42161, swapLog).kind).toBe('rejected');
    });
  });

  describe('USDC.e → USDC 0xb1501f9d (Optimism PoolManager)', () => {
    const OP_POOL_MANAGER = '0x9a13f98cb987694c9f086b1f5eb990eea8264ec3';
    const POOL_ID = '0x0535e61d34d19bef9aaa21f9f9b0dfe4f2770246a1cab68838c830cde8b22b40';
    const USDC = '0x0b2c639c533813f4aa9d7837caf62653d097ff85';
    const USDC_E = '0x7f5c764cbc14f9669b88837ca1490cca17c31607';
    const USER = '0x09ae5e9e7e64f68fb9085ea4cda20dfb8428ba46';

    it('reads swapper-side signs: currency1 paid (negative), currency0 received (positive)', () => {
      expect(uniswapV4Decoder.decode(fixtureLog(usdceToUsdc, 0x49), 10)).toEqual({
        kind: 'swap',
        family: 'uniswap-v4',
        level: 'pool',
        pool: { chainId: 10, address: OP_POOL_MANAGER, poolId: POOL_ID },
        logIndex: 0x49,
        tokenIn: { slot: 1 },
        amountIn: 1_000_000n,
        tokenOut: { slot: 0 },
        amountOut: 999_889n,
        eventSender: '0x851116d9223fabed8e56c0e6b8ad0c31d98b3507',
      });
      const transfers = erc20Transfers(usdceToUsdc);
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC_E, from: USER, to: OP_POOL_MANAGER, amount: 1_000_000n }));
      expect(transfers).toContainEqual(expect.objectContaining({ token: USDC, from: OP_POOL_MANAGER, to: USER, amount: 999_889n }));
    });

    // Issue 26: a V4 pool whose Initialize is not in the receipt. The receipt's one swap through the PoolManager is
    // proven by one transfer of exactly each amount, in currency order (USDC 0x0b2c… < USDC.e 0x7f5c…).
    it('learns an unknown PoolId from the receipt’s one PoolManager swap and its exact transfers: rotki’s trade', () => {
      const pools = new PoolTokenDirectory();
      const { trades, rejected } = tradesOfFixture(usdceToUsdc, pools);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([expect.objectContaining({ userId: USER, tokenIn: USDC_E, amountIn: '1000000', tokenOut: USDC, amountOut: '999889' })]);
      expect(pools.get({ chainId: 10, address: OP_POOL_MANAGER, poolId: POOL_ID })).toMatchObject({ tokens: [USDC, USDC_E], source: 'receipt-transfers' });
    });

    it('produces no trade while the PoolId is unknown and the PoolManager’s transfers mix two swaps, and names the pool', () => {
      // A second swap through the same PoolManager (the recorded one again, at another log index): the transfers prove nothing.
      const swap = usdceToUsdc.receipt.logs.find((l) => l.logIndex === '0x49');
      if (!swap) throw new Error('fixture lost log 0x49');
      const mixed = { ...usdceToUsdc, receipt: { ...usdceToUsdc.receipt, logs: [...usdceToUsdc.receipt.logs, { ...swap, logIndex: '0x70' }] } };
      const { trades, rejected } = tradesOfFixture(mixed, new PoolTokenDirectory());
      expect(trades).toEqual([]);
      expect(rejected).toEqual([
        { logIndex: 0x49, reason: expect.stringContaining(`unknown pool ${OP_POOL_MANAGER} (${POOL_ID})`) },
        { logIndex: 0x70, reason: expect.stringContaining(`unknown pool ${OP_POOL_MANAGER} (${POOL_ID})`) },
      ]);
    });

    it('does not learn a PoolId whose transfers contradict the currency order', () => {
      const pools = new PoolTokenDirectory();
      const flipped = { ...usdceToUsdc, receipt: { ...usdceToUsdc.receipt, logs: usdceToUsdc.receipt.logs.map((l) => (l.logIndex === '0x49' ? flipSwapSides(l) : l)) } };
      expect(tradesOfFixture(flipped, pools).trades).toEqual([]);
      expect(pools.get({ chainId: 10, address: OP_POOL_MANAGER, poolId: POOL_ID })).toBeUndefined();
    });

    it('once the PoolId’s currencies are known (as its Initialize would state), is rotki’s trade and gas', () => {
      const pools = new PoolTokenDirectory([{ chainId: 10, address: OP_POOL_MANAGER, poolId: POOL_ID, tokens: [USDC, USDC_E], source: 'initialize' }]);
      const { trades, rejected } = tradesOfFixture(usdceToUsdc, pools);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          userId: USER,
          dex: 'uniswap-v4',
          tokenIn: USDC_E,
          amountIn: '1000000',
          tokenOut: USDC,
          amountOut: '999889',
          timestamp: 1_755_523_647_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '46217643623' })],
        }),
      ]);
    });
  });

  describe('Initialize → pool-tokens', () => {
    // No Initialize log is in the recorded fixtures; this one is encoded with viem to check the currency mapping only.
    const initialize = (currency0: Hex, currency1: Hex): RawLog => ({
      address: POOL_MANAGER,
      topics: encodeEventTopics({
        abi: [UNISWAP_V4_INITIALIZE.event],
        eventName: 'Initialize',
        args: { id: '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7', currency0, currency1 },
      }) as Hex[],
      data: encodeAbiParameters(
        [{ type: 'uint24' }, { type: 'int24' }, { type: 'address' }, { type: 'uint160' }, { type: 'int24' }],
        [500, 10, '0x0000000000000000000000000000000000000000', 2n ** 96n, 0],
      ),
      logIndex: 3,
      removed: false,
    });

    it('maps PoolId to currency0/currency1 with address(0) written as the 0xeeee… native marker', () => {
      expect(uniswapV4Decoder.decode(initialize('0x0000000000000000000000000000000000000000', '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'), 1)).toEqual({
        kind: 'pool-tokens',
        pool: { chainId: 1, address: POOL_MANAGER, poolId: '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7' },
        tokens: [NATIVE_TOKEN, '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
      });
    });

    it('rejects a truncated Initialize', () => {
      const log = initialize('0x0000000000000000000000000000000000000000', '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
      expect(uniswapV4Decoder.decode({ ...log, data: log.data.slice(0, 66) as Hex }, 1)).toMatchObject({ kind: 'rejected' });
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(ethToUsdc, 0x98);
    it.each([
      ['short data', { ...base, data: base.data.slice(0, 200) as Hex }],
      ['missing sender topic', { ...base, topics: base.topics.slice(0, 2) }],
      ['non-hex data', { ...base, data: `0x${'g'.repeat(base.data.length - 2)}` as Hex }],
      ['an unknown topic0', { ...base, topics: ['0x' + '00'.repeat(32), ...base.topics.slice(1)] as Hex[] }],
      ['zero amounts', { ...base, data: `0x${'0'.repeat(base.data.length - 2)}` as Hex }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(uniswapV4Decoder.decode(log, 1)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('uniswap-v4') });
    });
  });
});

/** The recorded Swap with amount0 and amount1 exchanged (the first two data words): the currencies' sides flipped. */
function flipSwapSides<T extends { data: string }>(log: T): T {
  const words = log.data.slice(2).match(/.{64}/g) ?? [];
  const [amount0, amount1, ...rest] = words;
  return { ...log, data: `0x${[amount1, amount0, ...rest].join('')}` };
}
