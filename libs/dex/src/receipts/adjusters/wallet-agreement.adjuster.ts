import type { Address } from 'viem';
import { NATIVE_TOKEN } from '../../families/shared/swap-result';
import { netFlowsOf } from '../erc20-transfers';
import { sum, type NativeWraps } from '../native-legs';
import type { DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import type { TradeAdjuster } from './trade-adjuster';
import { userWraps } from './user-wraps';

const NATIVE = NATIVE_TOKEN as Address;

interface Side {
  readonly token: Address;
  readonly amount: bigint;
}

/**
 * Wallet-true trades: where the receipt shows the user's own token transfers, a trade's legs must agree with them —
 * the token booked as paid left the wallet, the token booked as received reached it. When a leg disagrees (an
 * undecoded venue swapped a leg, a pool booked on a token contract the wallet never touched), the wallet decides:
 * the one token it moved that way instead, or — nothing moved that way — the native coin the receipt wrapped
 * (unwrapped) for the user; the trade is flagged `completedFromTransfers`. When even that is ambiguous the trade is
 * withheld with the reason. Native legs leave no Transfer log and are never contradicted. Only a user's one trade is
 * checked: two trades' flows would mix.
 */
export const walletAgreementAdjuster: TradeAdjuster = {
  name: 'wallet-agreement',
  adjust: (drafts, evidence) => drafts.map((draft) => (draft.alone ? agreeWithWallet(draft, evidence) : draft)),
};

function agreeWithWallet(draft: DraftTrade, evidence: ReceiptEvidence): DraftTrade {
  const flows = netFlowsOf(draft.user, evidence.transfers);
  const visible = [...flows.values()].some((flow) => flow !== 0n);
  if (!visible) {
    if (!evidence.unverifiedSummary || draft.viaSummary) return draft;
    return withheld(draft, `no transfer of ${draft.user} confirms the route, and its summary comes from an unregistered router`);
  }
  const flowOf = (token: Address) => flows.get(token) ?? 0n;
  const inAgrees = draft.tokenIn === NATIVE || flowOf(draft.tokenIn) < 0n;
  const outAgrees = draft.tokenOut === NATIVE || flowOf(draft.tokenOut) > 0n;
  if (inAgrees && outAgrees) return draft;
  const wraps = userWraps(evidence, draft.user);
  const paid = inAgrees ? { token: draft.tokenIn, amount: draft.paid } : walletSide('in', flows, draft.tokenOut, wraps);
  const received = outAgrees ? { token: draft.tokenOut, amount: draft.received } : walletSide('out', flows, paid?.token ?? draft.tokenIn, wraps);
  if (!paid || !received) {
    const side = paid ? `received ${draft.tokenOut}` : `paid ${draft.tokenIn}`;
    return withheld(draft, `the route's legs disagree with ${draft.user}'s transfers (it never ${side}) and the wallet shows no single token instead`);
  }
  return {
    ...draft,
    tokenIn: paid.token,
    paid: paid.amount,
    tokenOut: received.token,
    received: received.amount,
    // A fee the event counted inside the route's input is no part of what the wallet paid in another token.
    feeInside: paid.token === draft.tokenIn ? draft.feeInside : 0n,
    completedFromTransfers: true,
  };
}

/** What the wallet paid (received) instead: its one token moved that way, else the native coin wrapped (unwrapped) for it. */
function walletSide(side: 'in' | 'out', flows: ReadonlyMap<Address, bigint>, otherSide: Address, wraps: NativeWraps | undefined): Side | undefined {
  const moved = [...flows].filter(([token, flow]) => token !== otherSide && (side === 'in' ? flow < 0n : flow > 0n));
  if (moved.length > 1) return undefined;
  const [only] = moved;
  if (only) return { token: only[0], amount: side === 'in' ? -only[1] : only[1] };
  if (!wraps || otherSide === NATIVE) return undefined;
  const native = side === 'in' ? sum(wraps.wraps) - sum(wraps.unwraps) : sum(wraps.unwraps) - sum(wraps.wraps);
  return native > 0n ? { token: NATIVE, amount: native } : undefined;
}

const withheld = (draft: DraftTrade, reason: string): DraftTrade => ({ ...draft, withheldReason: reason });
