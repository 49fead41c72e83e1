import type { Address } from 'viem';
import { deepFreeze } from '../spec-support/recorded-receipt';
import { groupRoutes } from './group-routes';
import type { ResolvedSwap } from './resolved-swap';

const USER: Address = '0x00000000000000000000000000000000000000f1';
const OTHER: Address = '0x00000000000000000000000000000000000000f2';
const [A, B, C, D] = ['0xa', '0xb', '0xc', '0xd'].map((t) => `${t}${'0'.repeat(39)}` as Address) as [Address, Address, Address, Address];

const hop = (logIndex: number, tokenIn: Address, amountIn: bigint, tokenOut: Address, amountOut: bigint, extra: Partial<ResolvedSwap> = {}): ResolvedSwap => ({
  logIndex,
  dexId: 'uniswap-v2',
  level: 'pool',
  user: USER,
  venue: `0x${logIndex.toString(16).padStart(40, '0')}` as Address,
  tokenIn,
  amountIn,
  tokenOut,
  amountOut,
  ...extra,
});

describe('group-routes stage', () => {
  it('nets a chain of hops into one draft from the first input to the last output', () => {
    const { drafts, rejected } = groupRoutes(deepFreeze([hop(1, A, 100n, B, 50n), hop(2, B, 50n, C, 7n)]));
    expect(rejected).toEqual([]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ user: USER, tokenIn: A, paid: 100n, tokenOut: C, received: 7n, alone: true, viaSummary: false });
    expect(drafts[0]?.route.map((h) => h.logIndex)).toEqual([1, 2]);
  });

  it('keeps a chain’s ends when a fee-on-transfer token loses some between hops', () => {
    const { drafts } = groupRoutes([hop(1, A, 100n, B, 50n), hop(2, B, 49n, C, 7n)]);
    expect(drafts.map((d) => [d.tokenIn, d.paid, d.tokenOut, d.received])).toEqual([[A, 100n, C, 7n]]);
  });

  it('nets a split route (two hops of the same pair) into one draft', () => {
    const { drafts } = groupRoutes([hop(1, A, 60n, B, 30n), hop(2, A, 40n, B, 20n)]);
    expect(drafts.map((d) => [d.tokenIn, d.paid, d.tokenOut, d.received])).toEqual([[A, 100n, B, 50n]]);
  });

  it('keeps independent swaps one draft each, none of them alone', () => {
    const { drafts } = groupRoutes([hop(1, A, 1n, B, 2n), hop(2, C, 3n, D, 4n)]);
    expect(drafts.map((d) => [d.tokenIn, d.tokenOut, d.alone])).toEqual([
      [A, B, false],
      [C, D, false],
    ]);
  });

  it('keeps a round trip (A → B → A) one draft per hop: it is no route from one token to another', () => {
    const { drafts } = groupRoutes([hop(1, A, 10n, B, 5n), hop(2, B, 5n, A, 11n)]);
    expect(drafts.map((d) => [d.tokenIn, d.tokenOut])).toEqual([
      [A, B],
      [B, A],
    ]);
  });

  it('rejects, with the reason, a swap that nets to nothing (the same token in and out)', () => {
    const { drafts, rejected } = groupRoutes([hop(1, A, 10n, A, 10n)]);
    expect(drafts).toEqual([]);
    expect(rejected).toEqual([{ logIndex: 1, reason: 'the route nets to nothing (every token in came back out)' }]);
  });

  it('counts the aggregator summaries instead of the pool hops they executed, per named trader', () => {
    const summary = hop(9, A, 100n, C, 7n, { level: 'aggregator', dexId: 'zeroex', user: OTHER });
    const { drafts, viaSummary } = groupRoutes([hop(1, A, 100n, B, 50n), hop(2, B, 50n, C, 7n), summary]);
    expect(viaSummary).toBe(true);
    expect(drafts.map((d) => [d.user, d.route.map((h) => h.logIndex), d.viaSummary])).toEqual([[OTHER, [9], true]]);
  });

  it('does not count a summary traded by another summary’s venue (a settlement calling a router)', () => {
    const settlement = hop(9, A, 100n, C, 7n, { level: 'aggregator', dexId: 'cow-protocol', user: OTHER });
    const inner = hop(5, A, 100n, C, 7n, { level: 'aggregator', dexId: 'oneinch_v4', user: settlement.venue });
    expect(groupRoutes([inner, settlement]).drafts.map((d) => d.route[0]?.logIndex)).toEqual([9]);
  });

  it('books a CoW fee counted inside amountIn beside it', () => {
    const cow = hop(3, A, 100n, B, 9n, { level: 'aggregator', dexId: 'cow-protocol', fee: { token: A, amount: 2n } });
    const [draft] = groupRoutes([cow]).drafts;
    expect(draft).toMatchObject({ paid: 100n, feeInside: 2n, fees: [{ kind: 'protocol', token: A, amount: 2n }] });
  });
});
