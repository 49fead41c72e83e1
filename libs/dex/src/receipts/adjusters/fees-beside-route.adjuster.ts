import { feesBesideRoute } from '../fees-beside-route';
import { withFee, type DraftTrade } from '../stages/draft-trade';
import type { TradeAdjuster } from './trade-adjuster';

/**
 * What a router, interface or relayer took beside the route is the user's cost too (see `feesBesideRoute`). Only a
 * user's one trade can be compared with their wallet; two trades' flows would mix.
 */
export const feesBesideRouteAdjuster: TradeAdjuster = {
  name: 'fees-beside-route',
  adjust: (drafts, { transfers, venues, emitters }) =>
    drafts.map((draft) => {
      if (!draft.alone) return draft;
      const feesInTokenIn = draft.fees.filter((f) => f.token === draft.tokenIn).reduce((total, f) => total + f.amount, 0n);
      const sides = {
        user: draft.user,
        tokenIn: draft.tokenIn,
        spentIn: draft.paid - draft.feeInside + feesInTokenIn,
        tokenOut: draft.tokenOut,
        deliveredOut: draft.received,
        venues,
        emitters,
      };
      return feesBesideRoute(sides, transfers).reduce<DraftTrade>(
        (adjusted, fee) => withFee(adjusted, { kind: 'other', token: fee.token, amount: fee.amount }),
        draft,
      );
    }),
};
