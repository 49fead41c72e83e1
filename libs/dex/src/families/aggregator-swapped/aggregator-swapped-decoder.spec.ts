import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { AGGREGATOR_SWAPPED, aggregatorSwappedDecoder } from './aggregator-swapped-decoder';
import ethereum0x546f0127 from './fixtures/ethereum-0x546f0127.json';
import polygon0x4c1fcbc2 from './fixtures/polygon-0x4c1fcbc2.json';

/*
 * Real recorded logs (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_1inch.py:
 * - 0x4c1fcbc20fdd397229d9e3e88411fea589e7ceb901e770f6af2e70e89008d5fa (Polygon), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inchv4_swap_on_polygon[polygon_pos_accounts0].yaml, rotki test
 *   `test_1inchv4_swap_on_polygon`: swap 174.206 DAI, receive 174.218999 USDC, through 1inch AggregationRouterV4.
 * - 0x546f01274ec5c51b63d7cc01fb68da3fb1c663c84316b5d50935acd982ebc13d (Ethereum), cassette
 *   cassettes/unit/decoders/test_lifi/test_lifi_bridge_receive[ethereum_accounts0].yaml (rotki test
 *   `test_lifi_bridge_receive`; the stored copies of test_lifi.py predate this recording, so amounts are checked against
 *   the receipt's Transfer logs): KyberSwap MetaAggregationRouterV2 swaps 0.639049 USDT for GOOGLon on behalf of the
 *   LI.FI diamond 0xd9b2…0e88 (the `sender`), which forwards the output to the bridged-to user 0xbfa1…7d46. Here neither
 *   tx.from (a LI.FI executor) nor `sender` is the end user: a case for the later attribution refinements (reference §3).
 */
const polygon = polygon0x4c1fcbc2 as ReceiptFixture;
const ethereum = ethereum0x546f0127 as ReceiptFixture;
const ONEINCH_V4 = '0x1111111254fb6c44bac0bed2854e76f90643097d';
const KYBER_ROUTER = '0x6131b5fae19ea4f9d964eac0408e4408b66337b5';

describe('aggregator-swapped decoder (1inch v4 / KyberSwap Swapped)', () => {
  it('has the reference catalogue topic0', () => {
    expect(AGGREGATOR_SWAPPED.topic0).toBe('0xd6d4f5681c246c9f42c203e287975af1601f8df8035a9251f79aab5c8f09e2f8');
    expect(fixtureLogsWithTopic(polygon, AGGREGATOR_SWAPPED.topic0)).toHaveLength(1);
    expect(fixtureLogsWithTopic(ethereum, AGGREGATOR_SWAPPED.topic0)).toHaveLength(1);
  });

  it('Ethereum KyberSwap: the LI.FI diamond (sender) swaps 0.639049 USDT for 0.001842725479914105 GOOGLon', () => {
    const lifi = '0xd9b2da9c45b118e4e93a004fb1452bcdb6cc0e88';
    const googlon = '0xba47214edd2bb43099611b208f75e4b42fdcfedc';
    expect(ethereum.receipt.from).toBe('0xe93685f3bba03016f02bd1828badd6195988d950');
    expect(ethereum.blockTimestamp).toBe(1770076163);
    expect(aggregatorSwappedDecoder.decode(fixtureLog(ethereum, 0xe7), 1)).toEqual({
      kind: 'swap',
      family: 'aggregator-swapped',
      level: 'aggregator',
      pool: { chainId: 1, address: KYBER_ROUTER },
      logIndex: 0xe7,
      tokenIn: { address: '0xdac17f958d2ee523a2206206994597c13d831ec7' },
      amountIn: 639_049n,
      tokenOut: { address: googlon },
      amountOut: 1_842_725_479_914_105n,
      eventSender: lifi,
      eventRecipient: lifi,
      trader: lifi,
    });
    const transfers = erc20Transfers(ethereum);
    expect(transfers).toContainEqual(expect.objectContaining({ token: googlon, to: lifi, amount: 1_842_725_479_914_105n }));
    expect(transfers).toContainEqual(expect.objectContaining({ token: googlon, from: lifi, to: '0xbfa13f5e6e1cf50b36b745b483dd06c36d6b7d46' }));
    const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
    expect(classifier.classify(1, fixtureLog(ethereum, 0xe7))).toMatchObject({ dexId: 'kyberswap-aggregator', verified: true });
  });

  it('Polygon 1inch v4: the sender swaps 174.206 DAI for 174.218999 USDC, as rotki books it', () => {
    const user = '0x9531c059098e3d194ff87febb587ab07b30b1306';
    expect(polygon.receipt.from).toBe(user);
    expect(polygon.blockTimestamp).toBe(1653476213);
    expect(aggregatorSwappedDecoder.decode(fixtureLog(polygon, 0x1b), 137)).toEqual({
      kind: 'swap',
      family: 'aggregator-swapped',
      level: 'aggregator',
      pool: { chainId: 137, address: ONEINCH_V4 },
      logIndex: 0x1b,
      tokenIn: { address: '0x8f3cf7ad23cd3cadbd9735aff958023239c6a063' },
      amountIn: 174_206_000_000_000_000_000n,
      tokenOut: { address: '0x2791bca1f2de4661ed88a30c99a7a9449aa84174' },
      amountOut: 174_218_999n,
      eventSender: user,
      eventRecipient: user,
      trader: user,
    });
    const transfers = erc20Transfers(polygon);
    expect(transfers).toContainEqual(expect.objectContaining({ from: user, amount: 174_206_000_000_000_000_000n }));
    expect(transfers).toContainEqual(expect.objectContaining({ from: ONEINCH_V4, to: user, amount: 174_218_999n }));
  });

  it('is classified 1inch-v4 from the router singleton, rejected from an unknown router copying the event', () => {
    const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
    const log = fixtureLog(polygon, 0x1b);
    expect(classifier.classify(137, log)).toMatchObject({ kind: 'classified', dexId: '1inch-v4', family: 'aggregator-swapped', verified: true });
    expect(classifier.classify(137, { ...log, address: '0x0c6134abc08a1eafc3e2dc9a5ad023bb08da86c3' }).kind).toBe('rejected');
  });

  describe('garbage', () => {
    const good = fixtureLog(polygon, 0x1b);
    const words = good.data.slice(2).match(/.{64}/g) ?? [];
    const withWord = (index: number, word: string): Hex => `0x${words.map((w, i) => (i === index ? word : w)).join('')}` as Hex;
    it.each([
      ['empty data', { ...good, data: '0x' as Hex }],
      ['an indexed variant (extra topic)', { ...good, topics: [...good.topics, good.topics[0] as Hex] }],
      ['a missing word', { ...good, data: good.data.slice(0, -64) as Hex }],
      ['a zero spentAmount', { ...good, data: withWord(4, '0'.repeat(64)) }],
      ['a zero returnAmount', { ...good, data: withWord(5, '0'.repeat(64)) }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(aggregatorSwappedDecoder.decode(log, 137)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('aggregator-swapped') });
    });
  });
});
