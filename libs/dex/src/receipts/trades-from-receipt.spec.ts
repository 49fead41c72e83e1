import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_TOKEN, TradeSchema, validate } from '@hyperdex/contracts';
import { KNOWN_POOLS } from '../pools/known-pools';
import { PoolTokenDirectory } from '../pools/pool-token-directory';
import { createDecoderSet } from '../registry/decoder-set';
import { SWAP_DECODERS } from '../registry/decoders';
import { createLogClassifier } from '../registry/log-classifier';
import { normalizeReceipt, type ReceiptInput } from './normalized-receipt';
import { tradesFromReceipt } from './trades-from-receipt';

/** Real recorded receipts (fixtures of the family specs, each citing its rotki/test-caching cassette and rotki test). */
const fixture = (family: string, file: string): ReceiptInput & { blockTimestamp: number } => {
  const f = JSON.parse(readFileSync(join(__dirname, '..', 'families', family, 'fixtures', file), 'utf8')) as ReceiptInput & { blockTimestamp: number | null };
  return { ...f, blockTimestamp: f.blockTimestamp ?? 1_700_000_000 };
};

const run = (input: ReceiptInput, known = KNOWN_POOLS) => {
  const pools = new PoolTokenDirectory(known);
  const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (chainId, address) => pools.dexOf(chainId, address) });
  return tradesFromReceipt(normalizeReceipt(input), { classifier, pools });
};

const UNISWAP_V2 = fixture('uniswap-v2', 'ethereum-0x67cf6c4c.json');
const TX_V2 = '0x67cf6c4ce5078f9750a14afd2f5070c327caf8c5180bdee2be59644ac59974e1';

describe('receipt → trades on real mainnet receipts', () => {
  it('nets a 3-hop Uniswap V2 route (WETH → USDC → FXS → FRAX) into one trade: 0.15 ETH (the router’s WETH Deposit) for 462.9677… FRAX', () => {
    // rotki test_uniswap_v2_swap: 0.15 ETH in, 462.967761432322996701 FRAX out; the sender paid 0x35c00 gas at 0x8f6c76100 wei.
    const { trades, rejected, retractions } = run(UNISWAP_V2);
    expect(rejected).toEqual([]);
    expect(retractions).toEqual([]);
    expect(trades).toEqual([
      {
        kind: 'swap',
        tradeId: `1:${TX_V2}:511`,
        userId: '0x3cadf2ca458376a6a5fea2ef3612346037d5a787',
        chainId: 1,
        dex: 'uniswap-v2',
        tokenIn: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
        amountIn: '150000000000000000',
        tokenOut: '0x853d955acef822db058eb8505911ed77f175b99e',
        amountOut: '462967761432322996701',
        timestamp: 1_628_753_094_000,
        fees: [{ kind: 'gas', token: NATIVE_TOKEN, amount: (0x35c00n * 0x8f6c76100n).toString() }],
        origin: expect.objectContaining({ txHash: TX_V2, logIndexes: [511, 516, 519], txFrom: '0x3cadf2ca458376a6a5fea2ef3612346037d5a787' }),
      },
    ]);
    expect(validate(TradeSchema, trades[0]).ok).toBe(true);
  });

  it('follows a Velodrome V2 chain through a fee-on-transfer token: 1.5 OP for 50.6332… VELO', () => {
    // rotki test_swap_tokens_v2: 1.5 OP in, 50.633275729041219862 VELO out. The middle token burns 1% on transfer.
    const { trades, rejected } = run(fixture('solidly-v2', 'optimism-0x0cca192b.json'));
    expect(rejected).toEqual([]);
    expect(trades.map((t) => [t.tokenIn, t.amountIn, t.tokenOut, t.amountOut, t.origin?.logIndexes])).toEqual([
      ['0x4200000000000000000000000000000000000042', '1500000000000000000', '0x9560e827af36c94d2ac33a39bce1fe78631088db', '50633275729041219862', [101, 107, 112]],
    ]);
  });

  it('counts a 0x meta-transaction once, for the taker, not its pool hops for the relayer', () => {
    // rotki test_swap_arbitrum_one: 49920.273922 USDC → 11.88137754443033075 wstETH for the taker; tx.from is a relayer.
    const { trades } = run(fixture('zeroex', 'arbitrum-0x355c18ab.json'));
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ dex: 'zeroex', userId: '0xf06cc31757760cc9b8235c868ed90789f9c1e883', amountIn: '49920273922', amountOut: '11881377544430330750' });
    // The relayer that sent the transaction is kept for audit only; it paid the gas, the taker paid it in USDC:
    // rotki's 79.726078 USDC meta-transaction fee, sent by the taker beside the swap.
    expect(trades[0]?.origin?.txFrom).toBe('0x0a1ac7d31142760c430d0bb7c801c3c727a81d69');
    expect(trades[0]?.fees).toEqual([{ kind: 'other', token: '0xaf88d065e77c8cc2239327c5edb3a432268e5831', amount: '79726078' }]);
  });

  it('attributes a CoW settlement to the order owner, not the solver', () => {
    const cow = fixture('cow-protocol', 'arbitrum-0xd1b5ca7b.json');
    const { trades } = run(cow);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ dex: 'cow-protocol', userId: '0xc37b40abdb939635068d3c5f13e7faf686f03b65', tokenIn: '0x912ce59144191c1204e64559fe8253a0e49e6548', tokenOut: '0xfd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9', amountOut: '228831' });
    expect(trades[0]?.userId).not.toBe(cow.receipt.from.toLowerCase());
  });

  it('books a Uniswap V4 native-ETH swap with the native coin written 0xEeee…, from a registered pool', () => {
    const { trades, rejected } = run(fixture('uniswap-v4', 'ethereum-0x4a3d3205.json'));
    expect(rejected).toEqual([]);
    expect(trades[0]).toMatchObject({ dex: 'uniswap-v4', tokenIn: NATIVE_TOKEN, amountIn: '201453662983962514', tokenOut: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', amountOut: '930157818' });
    // The Universal Router kept rotki's 2.325394 USDC fee out of the pool's 930.157818: the user's wallet got the rest.
    expect(trades[0]?.fees?.filter((f) => f.kind !== 'gas')).toEqual([{ kind: 'other', token: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', amount: '2325394' }]);
  });

  it('rejects, with the reason, a V4 swap in a pool nobody has told it about', () => {
    const { trades, rejected } = run(fixture('uniswap-v4', 'ethereum-0x4a3d3205.json'), []);
    expect(trades).toEqual([]);
    expect(rejected).toEqual([{ logIndex: 152, reason: expect.stringContaining('unknown pool 0x000000000004444c5dc75cb358380d2e3de08a90 (0x00b9edc1') }]);
  });

  it('retracts the trade when the same logs come back removed by a reorg', () => {
    const reorged = { ...UNISWAP_V2, receipt: { ...UNISWAP_V2.receipt, logs: UNISWAP_V2.receipt.logs.map((l) => ({ ...l, removed: true })) } };
    const { trades, retractions } = run(reorged);
    expect(trades).toEqual([]);
    expect(retractions).toEqual([
      { kind: 'retraction', tradeId: `1:${TX_V2}:511`, userId: '0x3cadf2ca458376a6a5fea2ef3612346037d5a787', chainId: 1, reason: 'log removed by a chain reorganisation', timestamp: 1_628_753_094_000 },
    ]);
  });

  it('produces nothing for a reverted transaction', () => {
    expect(run({ ...UNISWAP_V2, receipt: { ...UNISWAP_V2.receipt, status: '0x0' } })).toEqual({ trades: [], retractions: [], rejected: [], withheld: [], swaps: [] });
  });

  it('rejects a swap log whose data is cut short, naming the log', () => {
    const broken = {
      ...UNISWAP_V2,
      receipt: { ...UNISWAP_V2.receipt, logs: UNISWAP_V2.receipt.logs.map((l) => (l.logIndex === '0x1ff' ? { ...l, data: l.data.slice(0, 66) } : l)) },
    };
    const { rejected } = run(broken);
    expect(rejected).toEqual([{ logIndex: 511, reason: 'uniswap-v2: Swap: expected 128 data bytes, got 32' }]);
  });

  it('withholds the whole route when one hop is rejected, so a partial route never stands for the trade', () => {
    // The last hop cut short: hops 511 and 516 alone would book WETH → FXS, a token the user never received.
    const broken = {
      ...UNISWAP_V2,
      receipt: { ...UNISWAP_V2.receipt, logs: UNISWAP_V2.receipt.logs.map((l) => (l.logIndex === '0x207' ? { ...l, data: l.data.slice(0, 66) } : l)) },
    };
    const { trades, withheld, rejected, swaps } = run(broken);
    expect(trades).toEqual([]);
    expect(withheld).toEqual([`1:${TX_V2}:511`]);
    expect(rejected).toEqual([{ logIndex: 519, reason: 'uniswap-v2: Swap: expected 128 data bytes, got 32' }]);
    // The hops that did decode are still market observations (swap-implied prices use them).
    expect(swaps.map((s) => s.logIndex)).toEqual([511, 516]);
  });

  it('withholds nothing when every swap log decodes', () => {
    expect(run(UNISWAP_V2).withheld).toEqual([]);
  });
});

describe('a route whose last leg no decoder sees (Odos: Maverick V1 LUSD → USDC, then an RFQ fill USDC → WETH)', () => {
  // Recorded receipt and rotki figures: see the maverick-v1 spec. Log 232 is the router's WETH transfer to the user.
  const ODOS = fixture('maverick-v1', 'ethereum-0xce86cc4b.json');
  const USER = '0x605572243c30af7493707c9c8e8aa2ee25537e9a';
  const LUSD = '0x5f98805a4e8be255a32880fdec7f6728c6568ba0';
  const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
  const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
  const withLogs = (edit: (logs: typeof ODOS.receipt.logs) => typeof ODOS.receipt.logs) => ({ ...ODOS, receipt: { ...ODOS.receipt, logs: edit(ODOS.receipt.logs) } });
  // Another token reaching the user: the router's recorded WETH transfer, re-addressed.
  const routerToUser = ODOS.receipt.logs.find((l) => l.logIndex === '0xe8');
  if (!routerToUser) throw new Error('fixture lost log 0xe8');
  const transferTo = (user: string, token: string, logIndex: string) => ({
    ...routerToUser,
    address: token,
    topics: [routerToUser.topics[0] ?? '', `0x${'0'.repeat(24)}${'1'.repeat(40)}`, `0x${'0'.repeat(24)}${user.slice(2)}`],
    logIndex,
  });

  it('books what the user received per their transfers, flagged for audit', () => {
    const [trade] = run(ODOS).trades;
    expect(trade).toMatchObject({ tokenIn: LUSD, amountIn: '4000000000000000000000', tokenOut: WETH, amountOut: '2154845327512311040' });
    expect(trade?.origin?.completedFromTransfers).toBe(true);
    expect(validate(TradeSchema, trade).ok).toBe(true);
  });

  // Issue 26 (wallet-true trades): a route whose output never reached the wallet is not booked as received.
  it('withholds the trade, with the reason, when the user’s transfers show neither the hop’s output nor anything else', () => {
    const { trades, withheld, rejected } = run(withLogs((logs) => logs.filter((l) => l.logIndex !== '0xe8')));
    expect(trades).toEqual([]);
    expect(withheld).toEqual([`1:${ODOS.receipt.transactionHash}:${Number(rejected[0]?.logIndex)}`]);
    expect(rejected).toEqual([{ logIndex: expect.any(Number), reason: expect.stringContaining(`it never received ${USDC}`) }]);
  });

  it('withholds the trade when two tokens outside the route reached the user (ambiguous)', () => {
    const other = '0x6b175474e89094c44da98b954eedeac495271d0f';
    const { trades, rejected } = run(withLogs((logs) => [...logs, transferTo(USER, other, '0xf0')]));
    expect(trades).toEqual([]);
    expect(rejected).toEqual([{ logIndex: expect.any(Number), reason: expect.stringContaining('the wallet shows no single token instead') }]);
  });

  it('keeps the hops’ own route when the user did receive the hop’s output token', () => {
    const [trade] = run(withLogs((logs) => [...logs, transferTo(USER, USDC, '0xf0')])).trades;
    expect(trade).toMatchObject({ tokenOut: USDC, amountOut: '3985617807' });
  });
});
