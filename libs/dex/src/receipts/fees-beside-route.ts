import type { Address } from 'viem';
import { netFlowsOf, type Erc20Transfer } from './erc20-transfers';

/** A token amount the user paid beside the route: a router's, an interface's or a relayer's cut, a transfer tax. */
export interface FeeBesideRoute {
  readonly token: Address;
  readonly amount: bigint;
}

/** One trade's sides as the route booked them, and what in the receipt is not a fee recipient. */
export interface RouteSides {
  readonly user: Address;
  readonly tokenIn: Address;
  /** What the trade already takes from the user in `tokenIn`: its amountIn plus fees booked in that token. */
  readonly spentIn: bigint;
  readonly tokenOut: Address;
  /** What the route delivered in `tokenOut` before anything was taken from it. */
  readonly deliveredOut: bigint;
  /** Every pool and settlement contract of the receipt's swaps. */
  readonly venues: ReadonlySet<Address>;
  /** Every address that emitted a log in the receipt. */
  readonly emitters: ReadonlySet<Address>;
}

/**
 * The pool amounts are what was exchanged; the user's wallet can differ by what a router skimmed on the way: the
 * Universal Router's interface fee out of the output, an executor's cut of the input, a 0x meta-transaction fee the
 * taker paid the relayer. Booked as the pool amounts alone, the user's balances drift from the chain by that much.
 *
 * A side's difference is a fee only when the receipt shows where it went, exactly: transfers of that token, from the
 * user or from whoever carried the user's payment (input side) or from whoever paid the user (output side), to
 * recipients that took no part in the route — no log of theirs, no other token received, nothing passed on — summing
 * to exactly the difference. A token taxing its own transfers counts (its contract may be the recipient). Anything
 * else (an LP deposit beside a swap, a rebate, a partly decoded route) is not guessed at: the trade stays as the
 * pools report it.
 */
export function feesBesideRoute(sides: RouteSides, transfers: readonly Erc20Transfer[]): FeeBesideRoute[] {
  const fees: FeeBesideRoute[] = [];
  const flows = netFlowsOf(sides.user, transfers);
  const flowIn = flows.get(sides.tokenIn) ?? 0n;
  const excessIn = -flowIn - sides.spentIn;
  if (flowIn < 0n && excessIn > 0n) {
    // The user pays directly, or through whoever received the payment and passed it on (router, executor).
    const forwards = (address: Address) => transfers.some((t) => t.from === address && t.token === sides.tokenIn);
    const received = transfers.filter((t) => t.from === sides.user && t.token === sides.tokenIn).map((t) => t.to);
    const fee = takenBy(sides.tokenIn, new Set([sides.user, ...received.filter(forwards)]), excessIn, sides, transfers);
    if (fee) fees.push(fee);
  }
  const flowOut = flows.get(sides.tokenOut) ?? 0n;
  const shortfallOut = sides.deliveredOut - flowOut;
  if (flowOut > 0n && shortfallOut > 0n) {
    const payers = new Set(transfers.filter((t) => t.to === sides.user && t.token === sides.tokenOut).map((t) => t.from));
    const fee = takenBy(sides.tokenOut, payers, shortfallOut, sides, transfers);
    if (fee) fees.push(fee);
  }
  return fees;
}

function takenBy(token: Address, payers: ReadonlySet<Address>, expected: bigint, sides: RouteSides, transfers: readonly Erc20Transfer[]): FeeBesideRoute | undefined {
  const bystander = (recipient: Address) =>
    recipient !== sides.user &&
    !sides.venues.has(recipient) &&
    (!sides.emitters.has(recipient) || recipient === token) &&
    !transfers.some((t) => t.from === recipient && t.token === token) &&
    !transfers.some((t) => t.to === recipient && t.token !== token);
  let taken = 0n;
  for (const t of transfers) if (t.token === token && payers.has(t.from) && bystander(t.to)) taken += t.value;
  return taken === expected ? { token, amount: expected } : undefined;
}
