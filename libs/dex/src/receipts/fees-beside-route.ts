import type { Address } from 'viem';
import { netFlowsOf, type Erc20Transfer } from './erc20-transfers';

/** A token amount the user paid beside the route: a router's, an interface's or a relayer's cut, a transfer tax. */
export interface FeeBesideRoute {
  readonly token: Address;
  readonly amount: bigint;
}

/** Who in the receipt took part in the trade, so is never the recipient of a fee. */
export interface Participants {
  readonly user: Address;
  /** Every pool and settlement contract of the receipt's swaps. */
  readonly venues: ReadonlySet<Address>;
  /** Every address that emitted a log in the receipt. */
  readonly emitters: ReadonlySet<Address>;
}

/** One trade's sides as the route booked them. */
export interface RouteSides extends Participants {
  readonly tokenIn: Address;
  /** What the trade already takes from the user in `tokenIn`: its amountIn plus fees booked in that token. */
  readonly spentIn: bigint;
  readonly tokenOut: Address;
  /** What the route delivered in `tokenOut` before anything was taken from it. */
  readonly deliveredOut: bigint;
}

/**
 * The pool amounts are what was exchanged; the user's wallet can differ by what a router skimmed on the way: the
 * Universal Router's interface fee out of the output, an executor's cut of the input, a 0x meta-transaction fee the
 * taker paid 0x's fee recipient. Booked as the pool amounts alone, the user's balances drift from the chain by that much.
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

/**
 * A router that took its cut in the wrapped native coin and unwrapped the rest for the user (the Universal Router's
 * fee on a swap to ETH): the route delivered `delivered` of the wrapper to `receivers`, the receipt unwrapped
 * `unwrapped`, and the rest went from the receivers to bystanders, exactly. The cut, or undefined when the receipt
 * does not account for it that way. Burns are the unwraps themselves (Arbitrum's WETH), never the cut.
 */
export function cutBeforeUnwrap(
  wrapped: Address,
  delivered: bigint,
  unwrapped: bigint,
  receivers: ReadonlySet<Address>,
  participants: Participants,
  transfers: readonly Erc20Transfer[],
): bigint | undefined {
  const cut = delivered - unwrapped;
  if (unwrapped <= 0n || cut <= 0n) return undefined;
  return takenBy(wrapped, receivers, cut, participants, transfers.filter((t) => t.to !== ZERO))?.amount;
}

const ZERO: Address = '0x0000000000000000000000000000000000000000';

function takenBy(token: Address, payers: ReadonlySet<Address>, expected: bigint, participants: Participants, transfers: readonly Erc20Transfer[]): FeeBesideRoute | undefined {
  const bystander = (recipient: Address) =>
    recipient !== participants.user &&
    !participants.venues.has(recipient) &&
    (!participants.emitters.has(recipient) || recipient === token) &&
    !transfers.some((t) => t.from === recipient && t.token === token) &&
    !transfers.some((t) => t.to === recipient && t.token !== token);
  let taken = 0n;
  for (const t of transfers) if (t.token === token && payers.has(t.from) && bystander(t.to)) taken += t.value;
  return taken === expected ? { token, amount: expected } : undefined;
}
