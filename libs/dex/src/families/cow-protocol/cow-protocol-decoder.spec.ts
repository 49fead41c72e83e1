import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { COW_TRADE_TOPIC0, cowProtocolDecoder } from './cow-protocol-decoder';
import arbitrum0xd1b5ca7b from './fixtures/arbitrum-0xd1b5ca7b.json';

/*
 * Real recorded logs (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_cowswap.py:
 * - 0xd1b5ca7b7616f827216d4fd541f87b5c4571e568754f1d05ad87370975d4c69a (Arbitrum), cassette
 *   cassettes/unit/decoders/test_cowswap/test_swap_token_to_token_arb[arbitrum_one_accounts0].yaml, rotki test
 *   `test_swap_token_to_token_arb`: swap 0.208028640823960926 ARB + 0.011665366552986548 ARB fee (= sellAmount
 *   0.219694007376947474), receive 0.228831 USDT. The event's feeAmount is 0: the fee is inside the price (reference §5.5).
 *   tx.from is the solver 0xba36…5ff8, the user is the order owner 0xc37b…3b65.
 */
const arbitrum = arbitrum0xd1b5ca7b as ReceiptFixture;
const SETTLEMENT = '0x9008d19f58aabd9ed0d60971565aa8510560ab41';

describe('cow-protocol decoder (GPv2Settlement Trade)', () => {
  it('has the reference catalogue topic0', () => {
    expect(COW_TRADE_TOPIC0).toBe('0xa07a543ab8a018198e99ca0184c93fe9050a79400a0a723441f84de1d972cc17');
    expect(fixtureLogsWithTopic(arbitrum, COW_TRADE_TOPIC0)).toHaveLength(1);
  });

  it('Arbitrum: the owner sells 0.219694007376947474 ARB (fee included) for 0.228831 USDT; tx.from is the solver', () => {
    const owner = '0xc37b40abdb939635068d3c5f13e7faf686f03b65';
    expect(arbitrum.receipt.from).toBe('0xba36cefb45d1cdd2ae30a899c432c5081e095ff8');
    expect(arbitrum.blockTimestamp).toBe(1717523107);
    const result = cowProtocolDecoder.decode(fixtureLog(arbitrum, 0x8), 42161);
    expect(result).toEqual({
      kind: 'swap',
      family: 'cow-protocol',
      level: 'aggregator',
      pool: { chainId: 42161, address: SETTLEMENT },
      logIndex: 0x8,
      tokenIn: { address: '0x912ce59144191c1204e64559fe8253a0e49e6548' },
      amountIn: 219_694_007_376_947_474n,
      tokenOut: { address: '0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9' },
      amountOut: 228_831n,
      trader: owner,
    });
    // rotki: 0.208028640823960926 swapped + 0.011665366552986548 fee = the sellAmount the owner transferred in.
    expect(208_028_640_823_960_926n + 11_665_366_552_986_548n).toBe(219_694_007_376_947_474n);
    const transfers = erc20Transfers(arbitrum);
    expect(transfers).toContainEqual(expect.objectContaining({ from: owner, to: SETTLEMENT, amount: 219_694_007_376_947_474n }));
    expect(transfers).toContainEqual(expect.objectContaining({ from: SETTLEMENT, to: owner, amount: 228_831n }));
  });

  it('reports a non-zero feeAmount as the fee in the sell token, still inside amountIn', () => {
    const log = fixtureLog(arbitrum, 0x8);
    // The same real Trade with its feeAmount word set to 0.011665366552986548 ARB (rotki's fee for this order).
    const words = log.data.slice(2).match(/.{64}/g) ?? [];
    words[4] = (11_665_366_552_986_548n).toString(16).padStart(64, '0');
    const withFee = cowProtocolDecoder.decode({ ...log, data: `0x${words.join('')}` as Hex }, 42161);
    expect(withFee).toMatchObject({
      amountIn: 219_694_007_376_947_474n,
      fee: { token: { address: '0x912ce59144191c1204e64559fe8253a0e49e6548' }, amount: 11_665_366_552_986_548n },
    });
  });

  it('is classified cow-protocol only from the settlement singleton', () => {
    const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
    const log = fixtureLog(arbitrum, 0x8);
    expect(classifier.classify(42161, log)).toMatchObject({ kind: 'classified', dexId: 'cow-protocol', verified: true, source: 'singleton' });
    expect(classifier.classify(42161, { ...log, address: '0x1111111111111111111111111111111111111111' }).kind).toBe('rejected');
  });

  describe('garbage', () => {
    const good = fixtureLog(arbitrum, 0x8);
    const words = good.data.slice(2).match(/.{64}/g) ?? [];
    const withWord = (index: number, word: string): Hex => `0x${words.map((w, i) => (i === index ? word : w)).join('')}` as Hex;
    it.each([
      ['empty data', { ...good, data: '0x' as Hex }],
      ['no owner topic', { ...good, topics: good.topics.slice(0, 1) }],
      ['a truncated orderUid', { ...good, data: good.data.slice(0, -64) as Hex }],
      ['an orderUid of another owner', { ...good, topics: [good.topics[0] as Hex, `0x${'0'.repeat(24)}${'ab'.repeat(20)}` as Hex] }],
      ['a zero sellAmount', { ...good, data: withWord(2, '0'.repeat(64)) }],
      ['a zero buyAmount', { ...good, data: withWord(3, '0'.repeat(64)) }],
      ['a fee larger than the sell amount', { ...good, data: withWord(4, 'f'.repeat(64)) }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(cowProtocolDecoder.decode(log, 42161)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('cow-protocol') });
    });
  });
});
