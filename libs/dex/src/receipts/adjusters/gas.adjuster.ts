import type { Address } from 'viem';
import { NATIVE_TOKEN } from '../../families/shared/swap-result';
import { withFee, type DraftTrade } from '../stages/draft-trade';
import type { TradeAdjuster } from './trade-adjuster';

const NATIVE = NATIVE_TOKEN as Address;

/**
 * The sender paid the gas: a fee of their first trade in the transaction (once per transaction). A bundled account
 * that paid its own gas (no paymaster) paid its operations' `actualGasCost`: a fee of its first trade.
 */
export const gasAdjuster: TradeAdjuster = {
  name: 'gas',
  adjust: (drafts, { receipt, operations }) => {
    const owed: Array<readonly [Address, bigint]> = [];
    if (receipt.gasFeeWei !== null && receipt.gasFeeWei > 0n) owed.push([receipt.from, receipt.gasFeeWei]);
    const byOperation = new Map<Address, bigint>();
    for (const op of operations) {
      if (op.selfPaid && op.actualGasCost > 0n) byOperation.set(op.sender, (byOperation.get(op.sender) ?? 0n) + op.actualGasCost);
    }
    owed.push(...byOperation);
    return owed.reduce<readonly DraftTrade[]>((adjusted, [payer, amount]) => chargeFirstTrade(adjusted, payer, amount), drafts);
  },
};

function chargeFirstTrade(drafts: readonly DraftTrade[], payer: Address, amount: bigint): readonly DraftTrade[] {
  const at = drafts.findIndex((d) => d.user === payer);
  if (at < 0) return drafts;
  return drafts.map((draft, i) => (i === at ? withFee(draft, { kind: 'gas', token: NATIVE, amount }) : draft));
}
