import { encodeAbiParameters, encodeEventTopics, pad, type Address, type Hex } from 'viem';
import type { RawLog } from '../core/raw-log';
import { CURVE_TOKEN_EXCHANGE } from '../families/curve/curve-decoder';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import { TRANSFER_TOPIC0 } from './erc20-transfers';
import type { NormalizedReceipt } from './normalized-receipt';
import { recordedReceipt, receiptContext } from './spec-support/recorded-receipt';
import { tradesFromReceipt } from './trades-from-receipt';

/*
 * Issue 26's refusals, replayed on the project's recorded receipts (the 70 receipts of the issue's trial are not in
 * the repository or /work/shared/reference; each case below edits a real recording the way the failing one differed).
 */
describe('an aggregator summary from a router that is not registered', () => {
  // The dodo-v2 spec's Polygon 0xe13e0eba: USDT through DODO V2 and four V2-style hops on 1inch v4, whose Swapped
  // (log 0x129) is the trade. Emitted by an unknown contract, the same summary is a claim nobody vouches for.
  const recorded = recordedReceipt('dodo-v2', 'polygon-0xe13e0eba.json');
  const UNKNOWN_ROUTER: Address = '0x00000000000000000000000000000000000a66e7';
  const unregistered: NormalizedReceipt = { ...recorded, logs: recorded.logs.map((l) => (l.logIndex === 0x129 ? { ...l, address: UNKNOWN_ROUTER } : l)) };

  it('books the pool hops the user’s own transfers confirm, and still reports the summary it set aside', () => {
    const registered = tradesFromReceipt(recorded, receiptContext()).trades;
    const { trades, rejected, withheld } = tradesFromReceipt(unregistered, receiptContext());
    expect(withheld).toEqual([]);
    expect(rejected).toEqual([{ logIndex: 0x129, reason: expect.stringContaining(`emitted by ${UNKNOWN_ROUTER}`) }]);
    expect(trades.map((t) => [t.userId, t.tokenIn, t.amountIn, t.tokenOut])).toEqual(registered.map((t) => [t.userId, t.tokenIn, t.amountIn, t.tokenOut]));
    // The hops' output is what the last pool delivered; the summary's returnAmount, what reached the wallet, is
    // 2,229,324,783,034 less, and no transfer in the receipt shows where that went, so no fee is booked for it.
    expect([registered[0]?.amountOut, trades[0]?.amountOut]).toEqual(['2830144606136162', '2832373930919196']);
  });

  it('withholds the hops when the user’s transfers cannot confirm them (someone else’s route, a relayer)', () => {
    const relayed: NormalizedReceipt = { ...unregistered, from: '0x00000000000000000000000000000000000000f1' };
    const { trades, withheld, rejected } = tradesFromReceipt(relayed, receiptContext());
    expect(trades).toEqual([]);
    expect(withheld).toHaveLength(1);
    expect(rejected.map((r) => r.reason)).toContainEqual(expect.stringContaining('its summary comes from an unregistered router'));
  });
});

describe('the native coin through an aggregator, booked as the wallet paid it', () => {
  it('books ETH, not the WETH of the first hop, on every recorded native-in route', () => {
    // rotki test_uniswap_v2_swap: 0.15 ETH in.
    const { trades } = tradesFromReceipt(recordedReceipt('uniswap-v2', 'ethereum-0x67cf6c4c.json'), receiptContext());
    expect(trades.map((t) => [t.tokenIn, t.amountIn])).toEqual([[NATIVE_TOKEN, '150000000000000000']]);
  });
});

describe('a Curve pool with a native-ETH leg (no transfer can prove the ETH slot)', () => {
  // The stETH pool from the bundled registry (curvefi/curve-contract pools/steth README): coins [ETH, stETH].
  const POOL: Address = '0xdc24316b9ae028f1497c275eb9192a3ea0f67022';
  const STETH: Address = '0xae7ab96520de3a18e5e111b5eaab095312d7fe84';
  const USER: Address = '0x00000000000000000000000000000000000000f1';
  const exchange: RawLog = {
    address: POOL,
    topics: encodeEventTopics({ abi: [CURVE_TOKEN_EXCHANGE.event], eventName: 'TokenExchange', args: { buyer: USER } }) as Hex[],
    data: encodeAbiParameters([{ type: 'int128' }, { type: 'uint256' }, { type: 'int128' }, { type: 'uint256' }], [0n, 10n ** 18n, 1n, 999_000_000_000_000_000n]),
    logIndex: 2,
    removed: false,
  };
  const stethToUser: RawLog = {
    address: STETH,
    topics: [TRANSFER_TOPIC0, pad(POOL), pad(USER)],
    data: encodeAbiParameters([{ type: 'uint256' }], [999_000_000_000_000_000n]),
    logIndex: 1,
    removed: false,
  };
  const receipt: NormalizedReceipt = {
    chainId: 1,
    timestampMs: 0,
    transactionHash: '0x00000000000000000000000000000000000000000000000000000000000000c5',
    from: USER,
    blockNumber: 1,
    gasFeeWei: null,
    succeeded: true,
    logs: [stethToUser, exchange],
  };

  it('books the ETH the user paid and the stETH their wallet received', () => {
    const { trades, rejected } = tradesFromReceipt(receipt, receiptContext());
    expect(rejected).toEqual([]);
    expect(trades.map((t) => [t.dex, t.tokenIn, t.amountIn, t.tokenOut, t.amountOut])).toEqual([['curve', NATIVE_TOKEN, '1000000000000000000', STETH, '999000000000000000']]);
  });

  it('is refused, naming the pool, without the registry entry (the RPC path answers coins(0) = 0xEeee…)', () => {
    expect(tradesFromReceipt(receipt, receiptContext([])).rejected).toEqual([{ logIndex: 2, reason: expect.stringContaining(`unknown pool ${POOL}`) }]);
  });
});
