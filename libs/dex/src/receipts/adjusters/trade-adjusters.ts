import { feesBesideRouteAdjuster } from './fees-beside-route.adjuster';
import { gasAdjuster } from './gas.adjuster';
import { nativeLegsAdjuster } from './native-legs.adjuster';
import type { TradeAdjuster } from './trade-adjuster';
import { walletAgreementAdjuster } from './wallet-agreement.adjuster';
import { walletCompletionAdjuster } from './wallet-completion.adjuster';

/**
 * The adjusters in the order they run (adding one = one new file + one line here). Order matters: the wallet's flows
 * complete a partly decoded route first, native legs then read its sides, the wallet's flows check every side that
 * is left (and decide where they disagree), fees beside the route compare the final sides with the wallet, and gas
 * comes last.
 */
export const TRADE_ADJUSTERS: readonly TradeAdjuster[] = [
  walletCompletionAdjuster,
  nativeLegsAdjuster,
  walletAgreementAdjuster,
  feesBesideRouteAdjuster,
  gasAdjuster,
];
