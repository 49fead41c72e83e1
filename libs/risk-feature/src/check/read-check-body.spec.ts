import { BadRequestException } from '@nestjs/common';
import { readCheckBody } from './risk-check.controller';

const trade = { userId: 'alice', chainId: 1, tokenIn: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', tokenOut: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', amountIn: '1000000', amountOut: '1' };
const detailsOf = (body: unknown) => {
  try {
    readCheckBody(body);
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { details: Array<{ field: string }> }).details.map((d) => d.field);
  }
  throw new Error('accepted');
};

describe('readCheckBody', () => {
  it('reads one trade or a batch of one user; tradeId, dex and timestamp may be left out', () => {
    expect(readCheckBody(trade)).toEqual([trade]);
    expect(readCheckBody({ trades: [trade, { ...trade, amountIn: '2' }] })).toHaveLength(2);
  });

  it('names every offending field', () => {
    expect(detailsOf({ ...trade, amountIn: '1.5' })).toEqual(['amountIn']);
    expect(detailsOf({ ...trade, tokenOut: trade.tokenIn })).toEqual(['tokenOut']);
    expect(detailsOf({ trades: [trade, { ...trade, userId: 'bob' }] })).toEqual(['trades[1].userId']);
    expect(detailsOf({ trades: [] })).toEqual(['trades']);
    expect(detailsOf({ ...trade, venue: 'x' })).toEqual(['(root)']);
  });
});
