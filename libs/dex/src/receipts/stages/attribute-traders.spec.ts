import type { Address } from 'viem';
import { deepFreeze } from '../spec-support/recorded-receipt';
import { attributeTraders } from './attribute-traders';
import type { PricedSwap } from './resolved-swap';

const TX_FROM: Address = '0x00000000000000000000000000000000000000f1';
const SAFE: Address = '0x00000000000000000000000000000000000000a1';
const OWNER: Address = '0x00000000000000000000000000000000000000b1';
const swapAt = (logIndex: number, namedTrader?: Address): PricedSwap => ({
  logIndex,
  dexId: 'uniswap-v2',
  level: 'pool',
  venue: '0x00000000000000000000000000000000000000c1',
  tokenIn: '0x00000000000000000000000000000000000000d1',
  amountIn: 1n,
  tokenOut: '0x00000000000000000000000000000000000000d2',
  amountOut: 2n,
  ...(namedTrader ? { namedTrader } : {}),
});

describe('attribute-traders stage', () => {
  const executions = deepFreeze([{ account: SAFE, after: 10, at: 20 }]);

  it('takes the trader the event names first (CoW owner, 0x taker), lower-cased', () => {
    const [swap] = attributeTraders(deepFreeze([swapAt(15, '0x00000000000000000000000000000000000000BB' as Address)]), executions, TX_FROM);
    expect(swap?.user).toBe(OWNER.replace('b1', 'bb'));
  });

  it('gives a swap emitted inside a Safe’s (or a UserOperation’s) execution to that account', () => {
    expect(attributeTraders([swapAt(15)], executions, TX_FROM)[0]?.user).toBe(SAFE);
  });

  it('falls back to the transaction’s sender outside any execution', () => {
    expect(attributeTraders([swapAt(25)], executions, TX_FROM)[0]?.user).toBe(TX_FROM);
  });

  it('returns new swaps without the naming hint, leaving its input as it was', () => {
    const input = deepFreeze([swapAt(5, OWNER)]);
    const [swap] = attributeTraders(input, [], TX_FROM);
    expect(swap).not.toHaveProperty('namedTrader');
    expect(swap).toMatchObject({ logIndex: 5, user: OWNER, amountIn: 1n, amountOut: 2n });
  });
});
