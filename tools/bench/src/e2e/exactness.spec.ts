import type { Trade } from '@hyperdex/contracts';
import { compareLedger, type PostedTrade } from './exactness';

const trade = (tradeId: string, userId: string, amountIn: string, amountOut: string): Trade => ({
  tradeId,
  userId,
  chainId: 1,
  dex: 'uniswap-v3',
  tokenIn: '0xusdc',
  tokenOut: '0xtok',
  amountIn,
  amountOut,
  timestamp: 1_764_000_000_000,
});

const posted: PostedTrade[] = [
  { trade: trade('t1', 'alice', '100', '7'), status: 202 },
  { trade: trade('t2', 'alice', '50', '3'), status: 202 },
  { trade: trade('t3', 'bob', '10', '1'), status: 202 },
  { trade: trade('t4', 'bob', '10', '1'), status: 503 },
];

describe('compareLedger', () => {
  it('finds nothing wrong when the ledger holds exactly the accepted trades and their balances', () => {
    const result = compareLedger(posted, ['alice', 'bob'], {
      counts: new Map([['alice', 2], ['bob', 1]]),
      tradeIds: new Set(['t1', 't2', 't3']),
      balances: new Map([
        ['alice|0xusdc', -150n],
        ['alice|0xtok', 10n],
        ['bob|0xusdc', -10n],
        ['bob|0xtok', 1n],
      ]),
    });
    expect(result).toEqual({
      users: 2,
      accepted: 3,
      booked: 3,
      missing: 0,
      bookedUnacknowledged: 0,
      unknown: 0,
      usersWithCountMismatch: 0,
      usersWithUnexplainedCountMismatch: 0,
      balanceMismatches: 0,
      balanceMismatchSample: [],
    });
  });

  it('counts an accepted trade the ledger lacks as missing, and a trade applied twice as a balance mismatch', () => {
    const result = compareLedger(posted, ['alice', 'bob'], {
      counts: new Map([['alice', 2]]),
      tradeIds: new Set(['t1', 't2']),
      balances: new Map([
        ['alice|0xusdc', -250n],
        ['alice|0xtok', 17n],
      ]),
    });
    expect(result).toMatchObject({ missing: 1, usersWithCountMismatch: 1, usersWithUnexplainedCountMismatch: 1, balanceMismatches: 2 });
    expect(result.balanceMismatchSample[0]).toContain('alice|0xusdc: ledger -250, booked trades sum to -150');
  });

  it('reports a booked trade whose POST was not acknowledged, and rows no one posted', () => {
    const result = compareLedger(posted, ['bob'], {
      counts: new Map([['bob', 3]]),
      tradeIds: new Set(['t3', 't4', 'stranger']),
      balances: new Map([
        ['bob|0xusdc', -20n],
        ['bob|0xtok', 2n],
      ]),
    });
    // bob: 3 rows against 1 accepted; the unacknowledged t4 explains one, the stranger's row does not.
    expect(result).toMatchObject({ bookedUnacknowledged: 1, unknown: 1, balanceMismatches: 0, usersWithCountMismatch: 1, usersWithUnexplainedCountMismatch: 1 });
  });
});
