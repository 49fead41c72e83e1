import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { COW_TRADE_TOPIC0, cowProtocolDecoder } from './cow-protocol-decoder';
import arbitrum0xd1b5ca7b from './fixtures/arbitrum-0xd1b5ca7b.json';
import gnosis0x024e1da9 from './fixtures/gnosis-0x024e1da9.json';
import { tradesOfFixture } from '../shared/fixture-trades';

/*
 * Real recorded logs (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_cowswap.py:
 * - 0xd1b5ca7b7616f827216d4fd541f87b5c4571e568754f1d05ad87370975d4c69a (Arbitrum), cassette
 *   cassettes/unit/decoders/test_cowswap/test_swap_token_to_token_arb[arbitrum_one_accounts0].yaml, rotki test
 *   `test_swap_token_to_token_arb`: swap 0.208028640823960926 ARB + 0.011665366552986548 ARB fee (= sellAmount
 *   0.219694007376947474), receive 0.228831 USDT. The event's feeAmount is 0: the fee is inside the price (reference §5.5).
 *   tx.from is the solver 0xba36…5ff8, the user is the order owner 0xc37b…3b65.
 */
const arbitrum = arbitrum0xd1b5ca7b as ReceiptFixture;
/*
 * - 0x024e1da9dc2bf7ff88dd22643857979fcd954103860698203257b6db27778482 (Gnosis), cassette
 *   cassettes/unit/decoders/test_cowswap/test_swap_gnosis_tokens[gnosis_accounts0].yaml, rotki test
 *   `test_swap_gnosis_tokens`: swap 59.847255 USDC + 0.001548 USDC fee (= sellAmount 59.848803) for GNO, timestamp
 *   1691567755000. The solver routes it through 1inch: a Curve pool, a V2 pair and four Balancer V2 swaps through
 *   boosted-pool BPTs.
 */
const gnosis = gnosis0x024e1da9 as ReceiptFixture;
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

describe('cow-protocol on Gnosis 0x024e1da9: a Trade with a non-zero feeAmount over a 1inch route', () => {
  const OWNER = '0xc37b40abdb939635068d3c5f13e7faf686f03b65';
  const USDC_GNOSIS = '0xddafbb505ad214d7b80b1f830fccc89b60fb7a83';
  const GNO = '0x9c58bacc331c9aa871afd802db6379a98e80cedb';

  it('decodes the owner’s order: sellAmount 59.848803 USDC with a 0.001548 USDC fee inside, 0.531598728938365724 GNO bought', () => {
    expect(cowProtocolDecoder.decode(fixtureLog(gnosis, 0x22), 100)).toMatchObject({
      kind: 'swap',
      level: 'aggregator',
      trader: OWNER,
      tokenIn: { address: USDC_GNOSIS },
      amountIn: 59_848_803n,
      tokenOut: { address: GNO },
      amountOut: 531_598_728_938_365_724n,
      fee: { token: { address: USDC_GNOSIS }, amount: 1_548n },
    });
    expect(erc20Transfers(gnosis)).toContainEqual(expect.objectContaining({ token: GNO, from: SETTLEMENT, to: OWNER, amount: 531_598_728_938_365_724n }));
  });

  it('books rotki’s split: 59.847255 USDC exchanged plus a 0.001548 USDC protocol fee on top; no gas (the solver paid it)', () => {
    const { trades, rejected, swaps } = tradesOfFixture(gnosis);
    expect(rejected).toEqual([]);
    expect(trades).toEqual([
      expect.objectContaining({
        tradeId: '100:0x024e1da9dc2bf7ff88dd22643857979fcd954103860698203257b6db27778482:34',
        userId: OWNER,
        dex: 'cow-protocol',
        tokenIn: USDC_GNOSIS,
        amountIn: '59847255',
        tokenOut: GNO,
        amountOut: '531598728938365724',
        timestamp: 1_691_567_755_000,
        fees: [{ kind: 'protocol', token: USDC_GNOSIS, amount: '1548' }],
      }),
    ]);
    // The solver's hops are decoded (market prices) but never counted as anybody's trade.
    expect(swaps.filter((s) => s.level === 'pool').map((s) => s.dexId)).toEqual(['curve', 'sushiswap-v2', 'balancer-v2', 'balancer-v2', 'balancer-v2', 'balancer-v2']);
  });
});
