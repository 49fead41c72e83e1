import { encodeAbiParameters, pad, toEventSelector, type Address, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';
import type { Erc20Transfer } from '../erc20-transfers';
import { deepFreeze } from '../spec-support/recorded-receipt';
import type { DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import { walletAgreementAdjuster } from './wallet-agreement.adjuster';

const USER: Address = '0x00000000000000000000000000000000000000f1';
const ROUTER: Address = '0x00000000000000000000000000000000000000e1';
const NATIVE: Address = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const WBNB: Address = '0xbb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c';
const [A, B, C, D] = ['0xa', '0xb', '0xc', '0xd'].map((t) => `${t}${'0'.repeat(39)}` as Address) as [Address, Address, Address, Address];

const draft = (extra: Partial<DraftTrade> = {}): DraftTrade => ({
  user: USER,
  route: [{ logIndex: 3, dexId: 'pancakeswap-v3', level: 'pool', user: USER, venue: ROUTER, tokenIn: A, amountIn: 10n, tokenOut: B, amountOut: 5n }],
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
const transfer = (token: Address, from: Address, to: Address, value: bigint): Erc20Transfer => ({ token, from, to, value, logIndex: 9 });
/** WBNB's `Deposit(dst, wad)`: the router wrapped `wad` of the sender's BNB. */
const deposit = (wad: bigint): RawLog => ({
  address: WBNB,
  topics: [toEventSelector('Deposit(address,uint256)'), pad(ROUTER)],
  data: encodeAbiParameters([{ type: 'uint256' }], [wad]) as Hex,
  logIndex: 1,
  removed: false,
});
const evidence = (transfers: Erc20Transfer[], logs: RawLog[] = [], unverifiedSummary = false): ReceiptEvidence =>
  deepFreeze({
    receipt: { chainId: 56, from: USER, logs, transactionHash: '0x01', blockNumber: 1, timestampMs: 0, gasFeeWei: null, succeeded: true },
    logs,
    transfers,
    operations: [],
    executions: [],
    venues: new Set([ROUTER]),
    emitters: new Set([ROUTER]),
    unverifiedSummary,
  });
const adjust = (d: DraftTrade, e: ReceiptEvidence) => walletAgreementAdjuster.adjust(deepFreeze([d]), e)[0];

describe('wallet-agreement adjuster (wallet-true trades)', () => {
  it('leaves a trade whose legs the wallet confirms exactly as it was', () => {
    const input = draft();
    expect(adjust(input, evidence([transfer(A, USER, ROUTER, 10n), transfer(B, ROUTER, USER, 5n)]))).toBe(input);
  });

  it('books the token contract the wallet moved, not the pool’s legacy one (Gnosis: two contracts, one token)', () => {
    // The pool's slot names legacy contract A; the user's own transfer moved C (the token's current contract).
    const adjusted = adjust(draft(), evidence([transfer(C, USER, ROUTER, 10n), transfer(B, ROUTER, USER, 5n)]));
    expect(adjusted).toMatchObject({ tokenIn: C, paid: 10n, tokenOut: B, received: 5n, completedFromTransfers: true });
  });

  it('books the native coin the router wrapped when no token left the wallet (BSC: BNB in through an aggregator)', () => {
    // The hops start with a stablecoin A the user never held; the wallet paid BNB, which the router wrapped.
    const adjusted = adjust(draft(), evidence([transfer(B, ROUTER, USER, 5n)], [deposit(3_000_000_000_000_000n)]));
    expect(adjusted).toMatchObject({ tokenIn: NATIVE, paid: 3_000_000_000_000_000n, tokenOut: B, completedFromTransfers: true });
  });

  it('withholds the trade, with the reason, when the wallet shows two tokens it could have paid instead', () => {
    const adjusted = adjust(draft(), evidence([transfer(C, USER, ROUTER, 1n), transfer(D, USER, ROUTER, 2n), transfer(B, ROUTER, USER, 5n)]));
    expect(adjusted?.withheldReason).toBe(`the route's legs disagree with ${USER}'s transfers (it never paid ${A}) and the wallet shows no single token instead`);
  });

  it('withholds a route the wallet paid for but never received anything from, with no unwrap to explain it', () => {
    expect(adjust(draft(), evidence([transfer(A, USER, ROUTER, 10n)]))?.withheldReason).toContain(`it never received ${B}`);
  });

  it('never contradicts a native leg (the coin moves without a Transfer log)', () => {
    const input = draft({ tokenIn: NATIVE });
    expect(adjust(input, evidence([transfer(B, ROUTER, USER, 5n)]))).toBe(input);
  });

  it('checks only a user’s one trade: two trades’ flows would mix', () => {
    const input = draft({ alone: false });
    expect(adjust(input, evidence([transfer(C, USER, ROUTER, 10n)]))).toBe(input);
  });

  it('with an unregistered router’s summary set aside, withholds hops no transfer of the user confirms', () => {
    expect(adjust(draft(), evidence([], [], true))?.withheldReason).toContain('its summary comes from an unregistered router');
    expect(adjust(draft(), evidence([], [], false))?.withheldReason).toBeUndefined();
  });
});
