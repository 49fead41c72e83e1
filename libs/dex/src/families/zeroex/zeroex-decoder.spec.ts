// Spec only: node:fs lists the recorded receipts of this family's fixtures/ (the decoder itself does no I/O).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hex } from 'viem';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20Transfers, fixtureLog, fixtureLogs, fixtureLogsWithTopic, type ReceiptFixture } from '../shared/receipt-fixture';
import { ZEROEX_TOPIC0, zeroexDecoder } from './zeroex-decoder';
import arbitrum0x355c18ab from './fixtures/arbitrum-0x355c18ab.json';
import base0x4a5eb8fa from './fixtures/base-0x4a5eb8fa.json';

/*
 * Fixture-driven checks scaffolded by `nx g ./tools/dex-plugin:dex-family`: they fail until fixtures/ holds at least
 * two REAL recorded receipts (see fixtures/README.md) whose TransformedERC20 logs all decode into swaps. Add exact
 * expectations (tokens, amounts, sender/recipient, tx.from) per receipt below, citing where each receipt comes from.
 */
const FIXTURES_DIR = join(__dirname, 'fixtures');
const MIN_FIXTURES = 2;
const fixtures = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(FIXTURES_DIR, file), 'utf8')) as ReceiptFixture }));

const eventLogs = fixtures.flatMap(({ file, fixture }) =>
  fixtureLogs(fixture)
    .filter((log) => log.topics[0] === ZEROEX_TOPIC0)
    .map((log) => ({ file, chainId: fixture.chainId, log })),
);

describe('zeroex decoder (TransformedERC20)', () => {
  it('topic0 is the keccak of the canonical signature, computed by viem', () => {
    expect(ZEROEX_TOPIC0).toBe('0x0f6672f78a59ba8e5e5b5d38df3ebc67f3c792e2c9259b8d97d7f00dd78ba1b3');
  });

  it(`has at least ${MIN_FIXTURES} real recorded receipts in fixtures/`, () => {
    if (fixtures.length < MIN_FIXTURES) {
      throw new Error(
        `zeroex: ${fixtures.length} fixture(s) in ${FIXTURES_DIR}; put at least ${MIN_FIXTURES} real recorded receipts there (fixtures/README.md)`,
      );
    }
    for (const { file, fixture } of fixtures) {
      expect({ file, source: fixture.source.repo.length > 0 && fixture.source.path.length > 0, hash: fixture.receipt.transactionHash }).toEqual({
        file,
        source: true,
        hash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      });
      expect(fixtureLogs(fixture).some((log) => log.topics[0] === ZEROEX_TOPIC0)).toBe(true);
    }
  });

  it('decodes every TransformedERC20 log of every fixture into a swap', () => {
    expect(eventLogs.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
    for (const { file, chainId, log } of eventLogs) {
      expect({ file, result: zeroexDecoder.decode(log, chainId) }).toMatchObject({ file, result: { kind: 'swap', family: 'zeroex' } });
    }
  });

  it('rejects a truncated or empty log with a reason instead of throwing', () => {
    expect(eventLogs.length).toBeGreaterThan(0);
    for (const { chainId, log } of eventLogs) {
      for (const data of ['0x', log.data.slice(0, -64)] as Hex[]) {
        expect(zeroexDecoder.decode({ ...log, data }, chainId)).toMatchObject({ kind: 'rejected', reason: expect.stringContaining('zeroex') });
      }
    }
  });
});

/*
 * Real recorded logs (rotki/test-caching), cross-checked with rotki/rotki rotkehlchen/tests/unit/decoders/test_zerox.py:
 * - 0x355c18ab70fb5d17098b6bc8fd527ce00f0b25c8220d6fe29522a1fb64b711bc (Arbitrum), cassette
 *   cassettes/unit/decoders/test_zerox/test_swap_arbitrum_one[arbitrum_one_accounts0].yaml, rotki test
 *   `test_swap_arbitrum_one`: 'Swap 49920.273922 USDC', 'Receive 11.88137754443033075' wstETH, 79.726078 USDC meta-tx fee.
 *   A meta-transaction: tx.from is the relayer 0x0a1a…1d69, the user is the taker 0xf06c…e883.
 * - 0x4a5eb8fac7ef1d6637ff1d54e67791e4a5a49effb141f30e5af90f5aba5d48a5 (Base), cassette
 *   cassettes/unit/decoders/test_zerox/test_swap_base[base_accounts0].yaml, rotki test `test_swap_base`:
 *   'Swap 688.271588 USDC', receive 1726.46678822133419734 AERO, 4.288419 USDC meta-tx fee (tx.from 0x1b1a…97ef is a relayer).
 */
const arbitrum = arbitrum0x355c18ab as ReceiptFixture;
const base = base0x4a5eb8fa as ReceiptFixture;
const EXCHANGE_PROXY = '0xdef1c0ded9bec7f1a1670819833240f027b25eff';

describe('zeroex decoder on the recorded receipts', () => {
  it('has the reference catalogue topic0 and one summary event per fixture', () => {
    expect(ZEROEX_TOPIC0).toBe('0x0f6672f78a59ba8e5e5b5d38df3ebc67f3c792e2c9259b8d97d7f00dd78ba1b3');
    expect(fixtureLogsWithTopic(arbitrum, ZEROEX_TOPIC0)).toHaveLength(1);
    expect(fixtureLogsWithTopic(base, ZEROEX_TOPIC0)).toHaveLength(1);
  });

  it('Arbitrum meta-transaction: 49920.273922 USDC → 11.88137754443033075 wstETH for the taker, not tx.from', () => {
    const taker = '0xf06cc31757760cc9b8235c868ed90789f9c1e883';
    expect(arbitrum.receipt.from).toBe('0x0a1ac7d31142760c430d0bb7c801c3c727a81d69');
    expect(arbitrum.blockTimestamp).toBe(1709664647);
    expect(zeroexDecoder.decode(fixtureLog(arbitrum, 0x13), 42161)).toEqual({
      kind: 'swap',
      family: 'zeroex',
      level: 'aggregator',
      pool: { chainId: 42161, address: EXCHANGE_PROXY },
      logIndex: 0x13,
      tokenIn: { address: '0xaf88d065e77c8cc2239327c5edb3a432268e5831' },
      amountIn: 49_920_273_922n,
      tokenOut: { address: '0x5979d7b546e38e414f7e9822514be443a4800529' },
      amountOut: 11_881_377_544_430_330_750n,
      trader: taker,
    });
    // The swap amount excludes the 79.726078 USDC meta-tx fee the taker paid separately, as rotki books it.
    const fromTaker = erc20Transfers(arbitrum).filter((t) => t.from === taker).map((t) => t.amount);
    expect(fromTaker).toEqual([79_726_078n, 49_920_273_922n]);
    expect(erc20Transfers(arbitrum)).toContainEqual(expect.objectContaining({ to: taker, amount: 11_881_377_544_430_330_750n }));
  });

  it('Base: 688.271588 USDC → 1726.46678822133419734 AERO for the taker', () => {
    const taker = '0xf68d2bfcecd7895bba05a7451dd09a1749026454';
    expect(base.receipt.from).toBe('0x1b1aa8f5830db779e905872d75ea13e688c897ef');
    expect(base.blockTimestamp).toBe(1709665909);
    expect(zeroexDecoder.decode(fixtureLog(base, 0xe), 8453)).toEqual({
      kind: 'swap',
      family: 'zeroex',
      level: 'aggregator',
      pool: { chainId: 8453, address: EXCHANGE_PROXY },
      logIndex: 0xe,
      tokenIn: { address: '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913' },
      amountIn: 688_271_588n,
      tokenOut: { address: '0x940181a94a35a4569e4529a3cdfb74e38fd98631' },
      amountOut: 1_726_466_788_221_334_197_340n,
      trader: taker,
    });
    expect(erc20Transfers(base)).toContainEqual(expect.objectContaining({ from: taker, amount: 4_288_419n }));
  });

  it('is classified zeroex from the Exchange Proxy singleton, rejected from any other emitter', () => {
    const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
    const log = fixtureLog(arbitrum, 0x13);
    expect(classifier.classify(42161, log)).toMatchObject({ kind: 'classified', dexId: 'zeroex', family: 'zeroex', verified: true });
    expect(classifier.decode(42161, log).result).toMatchObject({ kind: 'swap', trader: '0xf06cc31757760cc9b8235c868ed90789f9c1e883' });
    expect(classifier.classify(42161, { ...log, address: '0x4212a77e4533eca49643d7b731f5fb1b2782fe94' }).kind).toBe('rejected');
  });

  describe('garbage', () => {
    const good = fixtureLog(base, 0xe);
    it.each([
      ['empty data', { ...good, data: '0x' as Hex }],
      ['a missing taker topic', { ...good, topics: good.topics.slice(0, 1) }],
      ['a word too many', { ...good, data: `${good.data}${'0'.repeat(64)}` as Hex }],
      ['non-hex data', { ...good, data: `0x${'zz'.repeat(128)}` as Hex }],
      ['zero amounts', { ...good, data: `${good.data.slice(0, 130)}${'0'.repeat(128)}` as Hex }],
    ])('rejects %s with a reason', (_name, log) => {
      expect(zeroexDecoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', logIndex: 0xe, reason: expect.stringContaining('zeroex') });
    });
  });
});
