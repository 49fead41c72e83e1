import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { TRADER_JOE_LB_SWAP, traderJoeLbDecoder, unpackLbAmounts } from './trader-joe-lb-decoder';
import arbitrum0x1756eca9 from './fixtures/arbitrum-0x1756eca9.json';

/*
 * Real recorded logs (rotki/test-caching):
 * - 0x1756eca9ad24e025cec0f9963c93a7a98f85d8603cd4b16bd0accdf3c20d3ff8 (Arbitrum), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inch_v5_liquidity_book_swap_arbitrum[arbitrum_one_accounts0].yaml
 *   (rotki test `test_1inch_v5_liquidity_book_swap_arbitrum` in rotkehlchen/tests/unit/decoders/test_1inch.py; that test
 *   is newer than the stored copies of test_1inch.py, so the amounts are checked against the cassette itself: the
 *   receipt's Transfer logs and the recorded txlistinternal, which pays the user 79565712786565097 wei).
 *   1inch v5 route 150 ARB → USDT (Uniswap V3 pool) → WETH (LB pair 0xd387…38a5, USDT is tokenY, WETH tokenX) → ETH.
 */
const arbitrum = arbitrum0x1756eca9 as ReceiptFixture;
const LB_PAIR = '0xd387c40a72703b38a5181573724bcaf2ce6038a5';
const EXECUTOR = '0x95e2769aca43a1d4febcfa153022259fc1e49548';

describe('trader-joe-lb decoder (LB v2.1/v2.2 Swap)', () => {
  it('has the reference catalogue topic0', () => {
    expect(TRADER_JOE_LB_SWAP.topic0).toBe('0xad7d6f97abf51ce18e17a38f4d70e975be9c0708474987bb3e26ad21bd93ca70');
    expect(fixtureLogsWithTopic(arbitrum, TRADER_JOE_LB_SWAP.topic0)).toHaveLength(1);
  });

  it('unpacks bytes32 amounts as X = low 128 bits, Y = high 128 bits', () => {
    const log = fixtureLog(arbitrum, 0x7);
    const amountsIn = `0x${log.data.slice(2 + 64, 2 + 128)}` as Hex;
    expect(amountsIn).toBe('0x0000000000000000000000000000000000000000000000000000000007c69131'.replace(/^0x(.{32})(.{32})$/, '0x$2$1'));
    expect(unpackLbAmounts(amountsIn)).toEqual([0n, 0x7c69131n]);
  });

  it('Arbitrum hop: the pair takes 130.453809 USDT (tokenY, slot 1) and pays 0.079565712786565097 WETH (tokenX, slot 0)', () => {
    expect(arbitrum.receipt.from).toBe('0x9a852a967b26bff2d025df04cc103a22b4593fe2');
    expect(arbitrum.blockTimestamp).toBe(1696380703);
    expect(traderJoeLbDecoder.decode(fixtureLog(arbitrum, 0x7), 42161)).toEqual({
      kind: 'swap',
      family: 'trader-joe-lb',
      level: 'pool',
      pool: { chainId: 42161, address: LB_PAIR },
      logIndex: 0x7,
      tokenIn: { slot: 1 },
      amountIn: 130_453_809n,
      tokenOut: { slot: 0 },
      amountOut: 79_565_712_786_565_097n,
      eventSender: EXECUTOR,
      eventRecipient: EXECUTOR,
    });
    const transfers = erc20Transfers(arbitrum);
    expect(transfers).toContainEqual(expect.objectContaining({ token: '0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9', to: LB_PAIR, amount: 130_453_809n }));
    expect(transfers).toContainEqual(expect.objectContaining({ token: '0x82af49447d8a07e3bd95bd0d56f35241523fbab1', from: LB_PAIR, amount: 79_565_712_786_565_097n }));
  });

  it('is classified trader-joe-lb by topic0 (unverified) and by a known pair (verified)', () => {
    const decoders = createDecoderSet(SWAP_DECODERS);
    const log = fixtureLog(arbitrum, 0x7);
    expect(createLogClassifier({ decoders }).classify(42161, log)).toMatchObject({ family: 'trader-joe-lb', verified: false });
    expect(createLogClassifier({ decoders, lookupPool: () => 'trader-joe-lb' }).classify(42161, log)).toMatchObject({ verified: true });
  });

  describe('garbage', () => {
    const good = fixtureLog(arbitrum, 0x7);
    const words = good.data.slice(2).match(/.{64}/g) ?? [];
    const withWord = (index: number, word: string): Hex => `0x${words.map((w, i) => (i === index ? word : w)).join('')}` as Hex;
    it.each([
      ['empty data', { ...good, data: '0x' as Hex }],
      ['a missing topic', { ...good, topics: good.topics.slice(0, 2) }],
      ['a truncated word', { ...good, data: good.data.slice(0, -2) as Hex }],
      ['a uint24 id out of range', { ...good, data: withWord(0, 'f'.repeat(64)) }],
      ['zero amounts', { ...good, data: withWord(2, '0'.repeat(64)) }],
      ['in and out on the same token', { ...good, data: withWord(1, `${'0'.repeat(32)}${'0'.repeat(24)}07c69131`) }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(traderJoeLbDecoder.decode(log, 42161)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('trader-joe-lb') });
    });
  });
});
