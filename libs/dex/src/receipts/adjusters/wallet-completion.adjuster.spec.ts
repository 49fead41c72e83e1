import type { Address } from 'viem';
import type { Erc20Transfer } from '../erc20-transfers';
import { deepFreeze } from '../spec-support/recorded-receipt';
import type { DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import { walletCompletionAdjuster } from './wallet-completion.adjuster';

const USER: Address = '0x00000000000000000000000000000000000000f1';
const ROUTER: Address = '0x00000000000000000000000000000000000000e1';
const [A, B, C, D] = ['0xa', '0xb', '0xc', '0xd'].map((t) => `${t}${'0'.repeat(39)}` as Address) as [Address, Address, Address, Address];

const draft = (extra: Partial<DraftTrade> = {}): DraftTrade => ({
  user: USER,
  route: [{ logIndex: 1, dexId: 'maverick-v1', level: 'pool', user: USER, venue: ROUTER, tokenIn: A, amountIn: 10n, tokenOut: B, amountOut: 5n }],
  alone: true,
  viaSummary: false,
  tokenIn: A,
  paid: 10n,
  tokenOut: B,
  received: 5n,
  feeInside: 0n,
  fees: [],
  completedFromTransfers: false,
  ...extra,
});
const transfer = (token: Address, from: Address, to: Address, value: bigint, logIndex = 2): Erc20Transfer => ({ token, from, to, value, logIndex });
const evidence = (transfers: Erc20Transfer[]) => deepFreeze({ transfers } as unknown as ReceiptEvidence);

describe('wallet-completion adjuster', () => {
  it('books the one token outside the route that reached the user when the hop’s output never did', () => {
    const input = deepFreeze([draft()]);
    const [adjusted] = walletCompletionAdjuster.adjust(input, evidence([transfer(A, USER, ROUTER, 10n), transfer(C, ROUTER, USER, 3n)]));
    expect(adjusted).toMatchObject({ tokenIn: A, paid: 10n, tokenOut: C, received: 3n, completedFromTransfers: true });
    expect(input[0]).toMatchObject({ tokenOut: B, completedFromTransfers: false });
  });

  it('leaves the route as the hops booked it when two tokens outside it reached the user', () => {
    const [adjusted] = walletCompletionAdjuster.adjust([draft()], evidence([transfer(C, ROUTER, USER, 3n), transfer(D, ROUTER, USER, 4n)]));
    expect(adjusted).toMatchObject({ tokenOut: B, completedFromTransfers: false });
  });

  it('leaves a user’s trade alone when it is not their only one, or a summary', () => {
    const flows = evidence([transfer(C, ROUTER, USER, 3n)]);
    expect(walletCompletionAdjuster.adjust([draft({ alone: false })], flows)[0]?.tokenOut).toBe(B);
    expect(walletCompletionAdjuster.adjust([draft({ viaSummary: true })], flows)[0]?.tokenOut).toBe(B);
  });
});
