import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChainReceipt } from '@hyperdex/contracts';
import { ChainReceiptDecoder } from './chain-receipt-decoder';

/*
 * The real 3-hop Uniswap V2 receipt of the dex specs (tx 0x67cf6c4c…, rotki/test-caching cassette
 * test_uniswap_v2_swap; rotki books 0.15 ETH → 462.967761432322996701 FRAX via USDC and FXS).
 */
const fixture = JSON.parse(readFileSync(path.join(__dirname, '../../dex/src/families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json'), 'utf8')) as ChainReceipt;
const V2: ChainReceipt = { chainId: fixture.chainId, blockTimestamp: fixture.blockTimestamp, receipt: fixture.receipt };
const TX = '0x67cf6c4ce5078f9750a14afd2f5070c327caf8c5180bdee2be59644ac59974e1';
const TRANSFER_TOPIC0 = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const PAIRS = {
  usdcWeth: { address: '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc', tokens: ['0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'] },
  fxsUsdc: { address: '0x9bac32d4f3322bc7588bb119283bad7073145355', tokens: ['0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'] },
  fxsFrax: { address: '0xe1573b9d29e2183b1af0e743dc2754979a40d237', tokens: ['0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0', '0x853d955acef822db058eb8505911ed77f175b99e'] },
};

/** The same receipt as a node that strips ERC-20 Transfer logs would send it: nothing proves the pairs' tokens. */
const withoutTransfers: ChainReceipt = { ...V2, receipt: { ...V2.receipt, logs: V2.receipt.logs.filter((l) => l.topics[0] !== TRANSFER_TOPIC0) } };

const poolsFile = (content: unknown): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pools-')), 'pools.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('ChainReceiptDecoder', () => {
  it('turns the real route into one trade, a gas fee and a USDC-implied WETH price', () => {
    const decoded = ChainReceiptDecoder.create().decode(V2);
    expect(decoded.trades).toHaveLength(1);
    expect(decoded.trades[0]).toMatchObject({
      tradeId: `1:${TX}:511`,
      userId: '0x3cadf2ca458376a6a5fea2ef3612346037d5a787',
      // The router wrapped the sender's 0.15 ETH (its WETH Deposit): rotki books ETH, and so does the trade.
      tokenIn: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
      amountIn: '150000000000000000',
      tokenOut: '0x853d955acef822db058eb8505911ed77f175b99e',
      amountOut: '462967761432322996701',
      timestamp: 1_628_753_094_000,
      // gasUsed 0x35c00 × effectiveGasPrice 0x8f6c76100 = 220,160 × 38.5 gwei.
      fees: [{ kind: 'gas', token: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', amount: '8476160000000000' }],
    });
    // Hop 1 sold 0.15 WETH for 468.292899 USDC: 3,121.95266 USD per WETH, and so per ETH (the 1:1 twin).
    expect(decoded.prices).toEqual([
      { chainId: 1, token: PAIRS.usdcWeth.tokens[1], priceUsd: '3121.95266', timestamp: 1_628_753_094_000, source: 'swap:uniswap-v2' },
      { chainId: 1, token: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', priceUsd: '3121.95266', timestamp: 1_628_753_094_000, source: 'swap:uniswap-v2 (1:1 unwrapped)' },
    ]);
    expect(decoded.rejected).toEqual([]);
    expect(decoded.withheld).toEqual([]);
  });

  it('withholds the trade and names every unresolvable pool when nothing proves their tokens', () => {
    const decoder = ChainReceiptDecoder.create();
    expect(decoder.unknownPools(withoutTransfers)).toEqual(Object.values(PAIRS).map(({ address }) => ({ chainId: 1, address, blockNumber: expect.any(Number) })));
    const decoded = decoder.decode(withoutTransfers);
    expect(decoded.trades).toEqual([]);
    expect(decoded.rejected.map((r) => r.logIndex)).toEqual([511, 516, 519]);
    expect(decoded.rejected[0]?.reason).toBe(
      `unknown pool ${PAIRS.usdcWeth.address} on chain 1: its tokens are neither registered nor proven by this receipt's transfers`,
    );
  });

  it('resolves the same receipt from a DEX_POOLS_FILE registry', () => {
    const file = poolsFile(Object.values(PAIRS).map((p) => ({ chainId: 1, address: p.address, dexId: 'uniswap-v2', tokens: p.tokens })));
    const decoder = ChainReceiptDecoder.create({ poolsFile: file });
    expect(decoder.unknownPools(withoutTransfers)).toEqual([]);
    expect(decoder.decode(withoutTransfers).trades.map((t) => [t.tradeId, t.amountOut])).toEqual([[`1:${TX}:511`, '462967761432322996701']]);
  });

  it('learns pools from one receipt for the next (a shared directory per instance)', () => {
    const decoder = ChainReceiptDecoder.create();
    decoder.decode(V2);
    expect(decoder.unknownPools(withoutTransfers)).toEqual([]);
    expect(decoder.decode(withoutTransfers).trades).toHaveLength(1);
  });
});
