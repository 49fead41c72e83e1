import { TradeBatchSchema } from '../api/ingest.request';
import { UINT256_MAX } from '../primitives/primitives.schema';
import { validate } from '../validation/validate';
import { TradeSchema } from './trade.event';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

const trade = {
  tradeId: '1:0xabc:7',
  userId: 'alice',
  chainId: 1,
  dex: 'uniswap-v3',
  tokenIn: USDC,
  tokenOut: WETH,
  amountIn: '3000000000',
  amountOut: '1000000000000000000',
  timestamp: 1_700_000_000_000,
};

describe('TradeSchema', () => {
  it('accepts a well-formed trade unchanged', () => {
    expect(validate(TradeSchema, trade)).toEqual({ ok: true, value: trade });
  });

  it('accepts the largest uint256 amount and refuses one more', () => {
    expect(validate(TradeSchema, { ...trade, amountOut: UINT256_MAX.toString() }).ok).toBe(true);
    expect(validate(TradeSchema, { ...trade, amountOut: (UINT256_MAX + 1n).toString() })).toEqual({
      ok: false,
      errors: [{ field: 'amountOut', reason: 'must not exceed uint256 max (2^256 - 1)' }],
    });
  });

  it('names every offending field with its reason', () => {
    const result = validate(TradeSchema, {
      ...trade,
      userId: undefined,
      tokenIn: '0xC02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2',
      amountIn: '1.5',
      timestamp: 1_700_000_000,
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.reason]));
    expect(byField).toEqual({
      userId: 'is required',
      tokenIn: 'must be a lower-case 0x-prefixed 20-byte hex address',
      amountIn: 'must be a non-negative integer string in base units (no sign, decimals or leading zeros)',
      timestamp: 'must be epoch milliseconds (this looks like seconds)',
      '(root)': 'unknown field(s): extra',
    });
  });

  it('refuses a zero leg, a number amount and a self-swap', () => {
    const zero = validate(TradeSchema, { ...trade, amountIn: '0' });
    expect(zero).toEqual({ ok: false, errors: [{ field: 'amountIn', reason: 'must be greater than zero' }] });
    const numeric = validate(TradeSchema, { ...trade, amountOut: 1e18 });
    expect(numeric).toEqual({ ok: false, errors: [{ field: 'amountOut', reason: 'must be string, got number' }] });
    const self = validate(TradeSchema, { ...trade, tokenOut: USDC });
    expect(self).toEqual({ ok: false, errors: [{ field: 'tokenOut', reason: 'must differ from tokenIn' }] });
  });

  it('locates errors inside a batch by index', () => {
    const result = validate(TradeBatchSchema, { trades: [trade, { ...trade, chainId: -1 }] });
    expect(result).toEqual({ ok: false, errors: [{ field: 'trades[1].chainId', reason: 'must be a positive chain id' }] });
  });
});
