import type { Address } from 'viem';
import type { DraftFee, DraftTrade } from './draft-trade';
import { firstHop, lastHop } from './draft-trade';
import type { ReceiptRejection } from './receipt-rejection';
import type { ResolvedSwap } from './resolved-swap';

export interface GroupedRoutes {
  readonly drafts: readonly DraftTrade[];
  readonly rejected: readonly ReceiptRejection[];
  /** The receipt's aggregator summaries stand for its routes: a rejected pool hop cannot distort a trade. */
  readonly viaSummary: boolean;
}

/**
 * Stage 4: the swaps grouped into one draft trade per route and user.
 *
 * Aggregator summaries (0x, 1inch/Kyber, CoW) describe the route their pool hops executed, often for another user
 * than tx.from (taker, owner): when a transaction has them, they are its trades and the hops are not counted again.
 * Otherwise a user's pool hops are netted so intermediate tokens cancel and one route is one trade.
 */
export function groupRoutes(swaps: readonly ResolvedSwap[]): GroupedRoutes {
  const summaries = outerSummaries(swaps.filter((s) => s.level === 'aggregator'));
  const viaSummary = summaries.length > 0;
  const counted = viaSummary ? summaries : swaps;
  const drafts: DraftTrade[] = [];
  const rejected: ReceiptRejection[] = [];
  for (const user of new Set(counted.map((s) => s.user))) {
    const mine = counted.filter((s) => s.user === user);
    const routes = viaSummary ? mine.map((s) => [s]) : routesOf(mine);
    for (const route of routes) {
      const draft = draftOf(user, route, routes.length === 1, viaSummary);
      if (draft) drafts.push(draft);
      else rejected.push({ logIndex: route[0]?.logIndex ?? -1, reason: 'the route nets to nothing (every token in came back out)' });
    }
  }
  return { drafts, rejected, viaSummary };
}

/**
 * A summary whose trader is another summary's venue — a CoW settlement calling an aggregator router for its solver —
 * is how that summary was executed, not a trade of the settlement contract.
 */
function outerSummaries(summaries: readonly ResolvedSwap[]): ResolvedSwap[] {
  const venues = new Set(summaries.map((s) => s.venue));
  return summaries.filter((s) => !venues.has(s.user));
}

const isChain = (hops: readonly ResolvedSwap[]): boolean => hops.every((h, i) => i === 0 || hops[i - 1]?.tokenOut === h.tokenIn);

/**
 * Pool hops as routes: a chain (each hop pays in what the previous one paid out) is one route from the first hop's
 * input to the last hop's output — a fee-on-transfer token taxed between hops is lost to the user, not a position;
 * hops that net to one token in and one out (split routes) are one route; anything else is one route per hop.
 */
function routesOf(hops: readonly ResolvedSwap[]): ResolvedSwap[][] {
  if (hops.length <= 1) return hops.map((h) => [h]);
  const ordered = [...hops].sort((a, b) => a.logIndex - b.logIndex);
  const roundTrip = ordered[0]?.tokenIn === ordered[ordered.length - 1]?.tokenOut;
  if (isChain(ordered) && !roundTrip) return [ordered];
  const net = [...netDeltas(hops)];
  const ins = net.filter(([, d]) => d < 0n);
  const outs = net.filter(([, d]) => d > 0n);
  if (ins.length === 1 && outs.length === 1) return [[...hops]];
  return hops.map((h) => [h]);
}

function netDeltas(hops: readonly ResolvedSwap[]): Map<Address, bigint> {
  const net = new Map<Address, bigint>();
  for (const h of hops) {
    net.set(h.tokenIn, (net.get(h.tokenIn) ?? 0n) - h.amountIn);
    net.set(h.tokenOut, (net.get(h.tokenOut) ?? 0n) + h.amountOut);
  }
  return net;
}

/** The route's one token in and one token out, or null when it nets to nothing. */
function draftOf(user: Address, route: readonly ResolvedSwap[], alone: boolean, viaSummary: boolean): DraftTrade | null {
  const first = firstHop(route);
  const last = lastHop(route);
  const net =
    route.length > 1 && isChain(route)
      ? new Map<Address, bigint>([
          [first.tokenIn, -first.amountIn],
          [last.tokenOut, last.amountOut],
        ])
      : netDeltas(route);
  const hopIn = [...net].find(([, d]) => d < 0n);
  const hopOut = [...net].find(([, d]) => d > 0n);
  if (!hopIn || !hopOut) return null;
  const [tokenIn, delta] = hopIn;
  const paid = -delta;
  // A fee the event counts inside amountIn (CoW) is not exchanged: the trade contract wants it on top of amountIn.
  const fee = route.length === 1 ? first.fee : undefined;
  const feeInside = fee !== undefined && fee.token === tokenIn && fee.amount > 0n && fee.amount < paid ? fee.amount : 0n;
  // A fee the event could not have taken out of amountIn (another token) is still paid on top; one that would empty
  // amountIn is left inside it rather than counted twice.
  const feePaid = fee !== undefined && (feeInside > 0n || (fee.amount > 0n && fee.token !== tokenIn));
  const fees: DraftFee[] = fee && feePaid ? [{ kind: 'protocol', token: fee.token, amount: fee.amount }] : [];
  return {
    user,
    route,
    alone,
    viaSummary,
    tokenIn,
    paid,
    tokenOut: hopOut[0],
    received: hopOut[1],
    feeInside,
    fees,
    completedFromTransfers: false,
  };
}
