import { TradeSchema, TokenMetadataSchema } from '@hyperdex/contracts';
import { Random } from './random';
import { USDC, WETH, TradeFactory, balanceDeltas, baseUnitsFor, holdingsOf, syntheticTokens, tokenMetadataRecords } from './universe';

describe('bench universe', () => {
  const tokens = syntheticTokens(50);

  it('makes distinct lower-case token addresses that the token-metadata contract accepts', () => {
    expect(new Set(tokens.map((t) => t.address)).size).toBe(50);
    for (const record of tokenMetadataRecords(tokens)) expect(TokenMetadataSchema.safeParse(record).success).toBe(true);
  });

  it('gives each user distinct tokens and every token about the same number of holders', () => {
    const holders = new Array<number>(50).fill(0);
    for (let u = 0; u < 500; u++) {
      const held = holdingsOf(u, 50);
      expect(new Set(held).size).toBe(4);
      for (const t of held) holders[t] = (holders[t] ?? 0) + 1;
    }
    expect(Math.min(...holders)).toBe(40);
    expect(Math.max(...holders)).toBe(40);
    expect(holdingsOf(3, 2)).toHaveLength(2);
  });

  it('converts USD to base units', () => {
    expect(baseUnitsFor(100, 1, 6)).toBe(100_000_000n);
    expect(baseUnitsFor(150, 3000, 18)).toBe(50_000_000_000_000_000n);
  });

  it('makes valid trades with unique ids; the breach trade is 50 WETH for 150,000 USDC', () => {
    const factory = new TradeFactory('run1', new Random(1), () => 10);
    const trades = Array.from({ length: 100 }, (_, i) => factory.small('lat', `u${i % 7}`, tokens[i % 50] ?? WETH));
    const breach = factory.breach('lat', 'u1');
    for (const t of [...trades, breach]) expect(TradeSchema.safeParse(t).success).toBe(true);
    expect(new Set([...trades, breach].map((t) => t.tradeId)).size).toBe(101);
    expect(trades.some((t) => t.tokenIn === USDC.address) && trades.some((t) => t.tokenOut === USDC.address)).toBe(true);
    expect(breach).toMatchObject({ tokenIn: USDC.address, amountIn: '150000000000', tokenOut: WETH.address, amountOut: '50000000000000000000' });
  });

  it('books a swap as tokenIn out and tokenOut in', () => {
    expect(balanceDeltas({ tokenIn: 'a', amountIn: '5', tokenOut: 'b', amountOut: '7' })).toEqual([
      { token: 'a', delta: -5n },
      { token: 'b', delta: 7n },
    ]);
  });

  it('is reproducible from the seed', () => {
    const a = new TradeFactory('r', new Random(9), () => 2).small('p', 'u', WETH);
    const b = new TradeFactory('r', new Random(9), () => 2).small('p', 'u', WETH);
    expect({ ...a, timestamp: 0 }).toEqual({ ...b, timestamp: 0 });
  });
});
