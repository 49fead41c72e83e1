import type { Address } from 'viem';
import { NATIVE_TOKEN } from '../../families/shared/swap-result';
import { netFlowsOf } from '../erc20-transfers';
import { cutBeforeUnwrap } from '../fees-beside-route';
import { isNativeLeg, sum, type NativeWraps } from '../native-legs';
import { lastHop, withFee, type DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import type { TradeAdjuster } from './trade-adjuster';
import { userWraps } from './user-wraps';

const NATIVE = NATIVE_TOKEN as Address;

/**
 * The sender's route that starts (ends) with the wrapped native coin a router wrapped (unwrapped) for them, exactly,
 * books the native coin: that is what left (reached) their wallet. What the router unwrapped after keeping its cut in
 * the wrapper reached them as the coin, less that cut (a fee). Summaries name the native coin themselves.
 */
export const nativeLegsAdjuster: TradeAdjuster = {
  name: 'native-legs',
  adjust: (drafts, evidence) => {
    const byUser = new Map<Address, SenderNative | undefined>();
    const nativeOf = (user: Address) => {
      if (!byUser.has(user)) byUser.set(user, senderNative(evidence, user));
      return byUser.get(user);
    };
    return drafts.map((draft) => {
      const native = draft.viaSummary ? undefined : nativeOf(draft.user);
      return native ? withNativeLegs(draft, native) : draft;
    });
  },
};

/** The sender's wrapped-native flow beside the receipt's wraps: what decides whether a route's WETH leg was their ETH. */
interface SenderNative {
  readonly wraps: NativeWraps;
  readonly senderFlow: bigint;
  /** The cut a router kept in the wrapper before unwrapping the rest of `delivered` (paid out by `venue`) for the user. */
  readonly cutBeforeUnwrap: (delivered: bigint, venue: Address) => bigint | undefined;
}

function withNativeLegs(draft: DraftTrade, native: SenderNative): DraftTrade {
  const { wrapped } = native.wraps;
  const asNative = (token: Address, side: 'in' | 'out', amount: bigint): Address =>
    token === wrapped && isNativeLeg(side, amount, native.senderFlow, native.wraps) ? NATIVE : token;
  const tokenIn = asNative(draft.tokenIn, 'in', draft.paid);
  const outAsNative = asNative(draft.tokenOut, 'out', draft.received);
  const keptCut = draft.tokenOut === wrapped && native.senderFlow <= 0n && outAsNative === draft.tokenOut;
  const cut = keptCut ? native.cutBeforeUnwrap(draft.received, lastHop(draft.route).venue) : undefined;
  const adjusted = { ...draft, tokenIn, tokenOut: cut === undefined ? outAsNative : NATIVE };
  return cut === undefined ? adjusted : withFee(adjusted, { kind: 'other', token: NATIVE, amount: cut });
}

/**
 * What decides whether a route's wrapped-native leg was the user's own coin: the wraps the user's execution made (the
 * whole receipt for tx.from, the operation's own logs for a bundled account) and the user's wrapper flow.
 */
function senderNative(evidence: ReceiptEvidence, user: Address): SenderNative | undefined {
  const { transfers, venues, emitters } = evidence;
  const wraps = userWraps(evidence, user);
  if (!wraps) return undefined;
  const unwrapped = sum(wraps.unwraps);
  return {
    wraps,
    senderFlow: netFlowsOf(user, transfers).get(wraps.wrapped) ?? 0n,
    cutBeforeUnwrap: (delivered, venue) => {
      const receivers = new Set(transfers.filter((t) => t.token === wraps.wrapped && t.from === venue).map((t) => t.to));
      return cutBeforeUnwrap(wraps.wrapped, delivered, unwrapped, receivers, { user, venues, emitters }, transfers);
    },
  };
}
