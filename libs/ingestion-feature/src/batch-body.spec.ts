import { BadRequestException } from '@nestjs/common';
import { TradeBatchSchema, TradeSchema } from '@hyperdex/contracts';
import { readBatch } from './batch-body';

const trade = (tradeId: string) => ({
  tradeId,
  userId: 'alice',
  chainId: 1,
  dex: 'uniswap-v2',
  tokenIn: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
  tokenOut: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  amountIn: '1',
  amountOut: '2',
  timestamp: 1_764_000_000_000,
});

const read = (body: unknown, max = 3) => readBatch(body, 'trades', TradeSchema, TradeBatchSchema, max, (t) => t.tradeId);

const details = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { details: unknown }).details;
  }
  throw new Error('expected a 400');
};

describe('readBatch', () => {
  it('reads a single item and a batch alike', () => {
    expect(read(trade('a'))).toEqual([trade('a')]);
    expect(read({ trades: [trade('a'), trade('b')] })).toEqual([trade('a'), trade('b')]);
  });

  it('refuses a batch over the limit before validating its items', () => {
    expect(details(() => read({ trades: [1, 2, 3, 4] }))).toEqual([{ field: 'trades', reason: 'must hold at most 3 items, got 4' }]);
  });

  it('refuses an empty batch and a body that is neither an item nor a batch', () => {
    expect(details(() => read({ trades: [] }))).toEqual([{ field: 'trades', reason: 'must hold at least one trade' }]);
    expect(details(() => read([trade('a')]))).toEqual([{ field: '(root)', reason: 'must be object, got array' }]);
  });

  it('refuses repeated ids within one request', () => {
    expect(details(() => read({ trades: [trade('a'), trade('b'), trade('a')] }))).toEqual([
      { field: 'trades[2]', reason: 'repeats trades[0] (same id a)' },
    ]);
  });
});
