import { PoolTokenDirectory } from '../../pools/pool-token-directory';
import { tradesOfFixture as tradesOf } from '../shared/fixture-trades';
import { erc20Transfers, fixtureLog, type ReceiptFixture } from '../shared/receipt-fixture';
import { CURVE_TOKEN_EXCHANGE, CURVE_TOKEN_EXCHANGE_UNDERLYING, curveDecoder } from './curve-decoder';
import ethereum0xaa176ce7 from './fixtures/ethereum-0xaa176ce7.json';
import ethereum0xed73e871 from './fixtures/ethereum-0xed73e871.json';
import { abiWord } from '../shared/log-edits';

/*
 * Real recorded logs (rotki/test-caching VCR cassettes), expected figures from rotki/rotki
 * rotkehlchen/tests/unit/decoders/test_curve.py:
 * - 0xaa176ce742d62b663656572f8cc53d63d6c00cd2c3adde32293e4028a5e0693c (Ethereum), cassette
 *   cassettes/unit/decoders/test_curve/test_curve_trade_token_to_token[ethereum_accounts0-load_global_caches0].yaml,
 *   rotki test `test_curve_trade_token_to_token`: 500000 USDC → 498538.169982 USDT in 3pool (0xbebc…f1c7), gas
 *   0.002265287178848788 ETH, timestamp 1679546783000.
 * - 0xed73e8717c9b2571a9cd7c0563e013c569e757920a050b1120ff1e6f5f3d3b8f (Ethereum), cassette
 *   cassettes/unit/decoders/test_curve/test_curve_trade_exchange_underlying[ethereum_accounts0-load_global_caches0].yaml,
 *   rotki test `test_curve_trade_exchange_underlying`: 9411.299859703624772744 DAI → 9495.240278199771455578 DUSD
 *   through the DUSD metapool (0x8038…c10c), gas 0.003678824742134973 ETH, timestamp 1679482763000.
 */
const tokenToToken = ethereum0xaa176ce7 as ReceiptFixture;
const underlying = ethereum0xed73e871 as ReceiptFixture;
const THREE_POOL = '0xbebc44782c7db0a1a60cb6fe97d0b483032ff1c7';
const DUSD_METAPOOL = '0x8038c01a0390a8c547446a0b2c18fc9aefecc10c';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';
const DUSD = '0x5bc25f649fc4e26069ddf4cf4010f9f706c23831';


describe('curve decoder', () => {
  it('has the stableswap TokenExchange and TokenExchangeUnderlying topics', () => {
    expect(CURVE_TOKEN_EXCHANGE.topic0).toBe('0x8b3e96f2b889fa771c53c981b40daf005f63f637f1869f707052d15a3dd97140');
    expect(CURVE_TOKEN_EXCHANGE_UNDERLYING.topic0).toBe('0xd013ca23e77a65003c2c659c5442c00c805371b7fc1ebd4c206c41d1536bd90b');
  });

  describe('3pool exchange 0xaa176ce7: 500000 USDC → 498538.169982 USDT', () => {
    const USER = '0xa8d7fb04877c3fbf175de76fa3d2fa66c770537f';

    it('decodes coins(1) in and coins(2) out, the buyer as the event sender', () => {
      expect(curveDecoder.decode(fixtureLog(tokenToToken, 0xad), 1)).toEqual({
        kind: 'swap',
        family: 'curve',
        level: 'pool',
        pool: { chainId: 1, address: THREE_POOL },
        logIndex: 0xad,
        tokenIn: { slot: 1 },
        amountIn: 500_000_000_000n,
        tokenOut: { slot: 2 },
        amountOut: 498_538_169_982n,
        eventSender: USER,
      });
    });

    it('is one trade with the tokens the pool transfers prove and the gas rotki books', () => {
      const { trades, rejected, pools } = tradesOf(tokenToToken);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0xaa176ce742d62b663656572f8cc53d63d6c00cd2c3adde32293e4028a5e0693c:173',
          userId: USER,
          dex: 'curve',
          tokenIn: USDC,
          amountIn: '500000000000',
          tokenOut: USDT,
          amountOut: '498538169982',
          timestamp: 1_679_546_783_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '2265287178848788' })],
        }),
      ]);
      expect(pools.resolve({ chainId: 1, address: THREE_POOL }, { slot: 1 })).toBe(USDC);
      expect(pools.resolve({ chainId: 1, address: THREE_POOL }, { slot: 2 })).toBe(USDT);
    });
  });

  describe('metapool exchange_underlying 0xed73e871: DAI → DUSD', () => {
    const USER = '0x38abab9766e0b27d2912718a884292b8e7eb2803';

    it('decodes underlying coin 1 (DAI, via 3pool) in and underlying coin 0 (DUSD) out', () => {
      expect(curveDecoder.decode(fixtureLog(underlying, 0x6e), 1)).toEqual({
        kind: 'swap',
        family: 'curve',
        level: 'pool',
        pool: { chainId: 1, address: DUSD_METAPOOL },
        logIndex: 0x6e,
        tokenIn: { slot: 1, underlying: true },
        amountIn: 9_411_299_859_703_624_772_744n,
        tokenOut: { slot: 0, underlying: true },
        amountOut: 9_495_240_278_199_771_455_578n,
        eventSender: USER,
      });
      // The metapool forwards the DAI into 3pool (AddLiquidity), which is not a trade of the user.
      expect(erc20Transfers(underlying)).toContainEqual(expect.objectContaining({ token: DAI, from: DUSD_METAPOOL, to: THREE_POOL }));
    });

    it('is one trade: 9411.299859703624772744 DAI for 9495.240278199771455578 DUSD, as rotki books it', () => {
      const { trades, rejected } = tradesOf(underlying);
      expect(rejected).toEqual([]);
      expect(trades).toEqual([
        expect.objectContaining({
          tradeId: '1:0xed73e8717c9b2571a9cd7c0563e013c569e757920a050b1120ff1e6f5f3d3b8f:110',
          userId: USER,
          tokenIn: DAI,
          amountIn: '9411299859703624772744',
          tokenOut: DUSD,
          amountOut: '9495240278199771455578',
          timestamp: 1_679_482_763_000,
          fees: [expect.objectContaining({ kind: 'gas', amount: '3678824742134973' })],
        }),
      ]);
    });

    it('withholds the receipt when the metapool is unknown and the transfers are missing, naming the pool', () => {
      const bare = { ...underlying, receipt: { ...underlying.receipt, logs: underlying.receipt.logs.filter((l) => l.logIndex === '0x6e') } };
      const { trades, rejected } = tradesOf(bare, new PoolTokenDirectory());
      expect(trades).toEqual([]);
      expect(rejected).toEqual([{ logIndex: 0x6e, reason: expect.stringContaining(`unknown pool ${DUSD_METAPOOL}`) }]);
    });
  });

  describe('garbage', () => {
    const base = fixtureLog(tokenToToken, 0xad);

    it('rejects the same coin in and out, zero amounts, short data and a missing buyer with a reason', () => {
      for (const log of [
        { ...base, data: `0x${abiWord(1n)}${abiWord(5n)}${abiWord(1n)}${abiWord(5n)}` as `0x${string}` },
        { ...base, data: `0x${abiWord(1n)}${abiWord(0n)}${abiWord(2n)}${abiWord(5n)}` as `0x${string}` },
        { ...base, data: base.data.slice(0, 130) as `0x${string}` },
        { ...base, topics: base.topics.slice(0, 1) },
      ]) {
        expect(curveDecoder.decode(log, 1)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^curve: /) });
      }
    });
  });
});
