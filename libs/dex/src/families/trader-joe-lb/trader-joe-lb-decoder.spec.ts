import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogsWithTopic, type LogsFixture, type ReceiptFixture } from '../shared/receipt-fixture';
import { TRADER_JOE_LB_SWAP, traderJoeLbDecoder, unpackLbAmounts } from './trader-joe-lb-decoder';
import arbitrum0x1756eca9 from './fixtures/arbitrum-0x1756eca9.json';
import avalanche0x5b4d950e from './fixtures/avalanche-0x5b4d950e.logs.json';

/*
 * Real recorded logs (rotki/test-caching):
 * - 0x1756eca9ad24e025cec0f9963c93a7a98f85d8603cd4b16bd0accdf3c20d3ff8 (Arbitrum), cassette
 *   cassettes/unit/decoders/test_1inch/test_1inch_v5_liquidity_book_swap_arbitrum[arbitrum_one_accounts0].yaml
 *   (rotki test `test_1inch_v5_liquidity_book_swap_arbitrum` in rotkehlchen/tests/unit/decoders/test_1inch.py; that test
 *   is newer than the stored copies of test_1inch.py, so the amounts are checked against the cassette itself: the
 *   receipt's Transfer logs and the recorded txlistinternal, which pays the user 79565712786565097 wei).
 *   1inch v5 route 150 ARB → USDT (Uniswap V3 pool) → WETH (LB pair 0xd387…38a5, USDT is tokenY, WETH tokenX) → ETH.
 * Real recorded logs without their receipt (an `eth_getLogs` answer of Avalanche block 0x1d612e6 printed in
 * wetryingtodorock/getblock-docs en/rpc-service/avax/json-rpc/avax_eth_getLogs.md; every log of the transaction,
 * logIndex 0x1–0xe, copied exactly):
 * - 0x5b4d950e3aad5c482447592a6620293e271f782f4c65bffb5b5acfc65325cf85 (Avalanche): an arbitrage WAVAX → USDC (WOOFi)
 *   → USDC.e (LB pair 0x7c13…b0c0, USDC.e tokenX, USDC tokenY) → … → WAVAX (two V2 pairs). Its LB swap charged a
 *   protocol fee, which the Arbitrum log did not: the only recording that tells what `amountsIn` leaves out.
 */
const arbitrum = arbitrum0x1756eca9 as ReceiptFixture;
const LB_PAIR = '0xd387c40a72703b38a5181573724bcaf2ce6038a5';
const EXECUTOR = '0x95e2769aca43a1d4febcfa153022259fc1e49548';
const avalanche = avalanche0x5b4d950e as LogsFixture;

describe('trader-joe-lb decoder (LB v2.1/v2.2 Swap)', () => {
  it('has the reference catalogue topic0', () => {
    expect(TRADER_JOE_LB_SWAP.topic0).toBe('0xad7d6f97abf51ce18e17a38f4d70e975be9c0708474987bb3e26ad21bd93ca70');
    expect(fixtureLogsWithTopic(arbitrum, TRADER_JOE_LB_SWAP.topic0)).toHaveLength(1);
    expect(fixtureLogsWithTopic(avalanche, TRADER_JOE_LB_SWAP.topic0)).toHaveLength(1);
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

  it('Avalanche hop: the swapper paid amountsIn + protocolFees (78.785160 USDC, tokenY) for 78.785156 USDC.e (tokenX)', () => {
    const PAIR = '0x7c13d4c3e9dfa683e7a5792a9ff20cb5fd22b0c0';
    const log = fixtureLog(avalanche, 0x4);
    const [, amountsIn, , , totalFees, protocolFees] = (log.data.slice(2).match(/.{64}/g) ?? []).map((word) => unpackLbAmounts(`0x${word}`));
    // What the event states: 78.784373 in, a 0.015758 fee of which 0.000787 is the protocol's share.
    expect([amountsIn, totalFees, protocolFees]).toEqual([[0n, 78_784_373n], [0n, 15_758n], [0n, 787n]]);
    expect(traderJoeLbDecoder.decode(log, 43114)).toEqual({
      kind: 'swap',
      family: 'trader-joe-lb',
      level: 'pool',
      pool: { chainId: 43114, address: PAIR },
      logIndex: 0x4,
      tokenIn: { slot: 1 },
      amountIn: 78_785_160n,
      tokenOut: { slot: 0 },
      amountOut: 78_785_156n,
      eventSender: '0xd4f65bee477ba1a9b892b23aec3725407035f0a0',
      eventRecipient: '0x2c3601fe09c23df8beb8216298d1502c985e376f',
    });
    // The transfers agree: exactly amountsIn + protocolFees of USDC reached the pair, the USDC.e left it for the next hop.
    const transfers = erc20Transfers(avalanche);
    expect(transfers).toContainEqual(expect.objectContaining({ token: '0xb97ef9ef8734c71904d8002f8b6bc66dd9c48a6e', to: PAIR, amount: 78_785_160n }));
    expect(transfers).toContainEqual(expect.objectContaining({ token: '0xa7d7079b0fead91f3e65f86e8915cb59c1a4c664', from: PAIR, amount: 78_785_156n }));
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
