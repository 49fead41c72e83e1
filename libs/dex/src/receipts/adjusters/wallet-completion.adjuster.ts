import type { Address } from 'viem';
import { netFlowsOf } from '../erc20-transfers';
import type { DraftTrade } from '../stages/draft-trade';
import type { TradeAdjuster } from './trade-adjuster';

/**
 * When a route's decoded hops are not the whole route — an RFQ maker or an undecoded venue swapped the last (first)
 * leg — the user never receives (pays) the token the hops end (start) with; what they did receive (pay) instead is in
 * their transfers. The side is replaced only when that is unambiguous: the hop token never reached (left) the user and
 * exactly one token outside the route did. Native coin moves leave no Transfer log, so they never trigger this.
 * Only a user's one route can be checked against their transfers (two routes' flows would mix), and summaries are
 * trusted as the route's own account.
 */
export const walletCompletionAdjuster: TradeAdjuster = {
  name: 'wallet-completion',
  adjust: (drafts, { transfers }) =>
    drafts.map((draft) => (draft.viaSummary || !draft.alone ? draft : completeFromFlows(draft, netFlowsOf(draft.user, transfers)))),
};

function completeFromFlows(draft: DraftTrade, flows: ReadonlyMap<Address, bigint>): DraftTrade {
  const routeTokens = new Set(draft.route.flatMap((h) => [h.tokenIn, h.tokenOut]));
  const outside = [...flows].filter(([token]) => !routeTokens.has(token));
  const received = outside.filter(([, flow]) => flow > 0n);
  const paid = outside.filter(([, flow]) => flow < 0n);
  const outSide = (flows.get(draft.tokenOut) ?? 0n) <= 0n && received.length === 1 ? received[0] : undefined;
  const inSide = (flows.get(draft.tokenIn) ?? 0n) >= 0n && paid.length === 1 ? paid[0] : undefined;
  if (!outSide && !inSide) return draft;
  // Flows share the hops' sign convention (negative = paid): the paid side's flow is the amount, negated.
  return {
    ...draft,
    ...(inSide ? { tokenIn: inSide[0], paid: -inSide[1] } : {}),
    ...(outSide ? { tokenOut: outSide[0], received: outSide[1] } : {}),
    completedFromTransfers: true,
  };
}
