import type { Address } from 'viem';
import { deepFreeze } from '../spec-support/recorded-receipt';
import type { DraftTrade } from '../stages/draft-trade';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import type { UserOperation } from '../user-operations';
import { gasAdjuster } from './gas.adjuster';

const SENDER: Address = '0x00000000000000000000000000000000000000f1';
const ACCOUNT: Address = '0x00000000000000000000000000000000000000a1';
const NATIVE = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const draft = (user: Address, logIndex: number): DraftTrade => ({
  user,
  route: [],
  alone: true,
  viaSummary: false,
  tokenIn: NATIVE,
  paid: BigInt(logIndex),
  tokenOut: NATIVE,
  received: 1n,
  feeInside: 0n,
  fees: [],
  completedFromTransfers: false,
});
const evidence = (gasFeeWei: bigint | null, operations: Partial<UserOperation>[] = []) =>
  deepFreeze({ receipt: { from: SENDER, gasFeeWei }, operations } as unknown as ReceiptEvidence);

describe('gas adjuster', () => {
  it('charges the transaction’s gas once, to the sender’s first trade', () => {
    const input = deepFreeze([draft(ACCOUNT, 1), draft(SENDER, 2), draft(SENDER, 3)]);
    const adjusted = gasAdjuster.adjust(input, evidence(21_000n));
    expect(adjusted.map((d) => d.fees)).toEqual([[], [{ kind: 'gas', token: NATIVE, amount: 21_000n }], []]);
    expect(input[1]?.fees).toEqual([]);
  });

  it('charges a self-paying UserOperation account its actualGasCost, summed over its operations', () => {
    const ops = [
      { sender: ACCOUNT, selfPaid: true, actualGasCost: 5n },
      { sender: ACCOUNT, selfPaid: true, actualGasCost: 7n },
      { sender: SENDER, selfPaid: false, actualGasCost: 9n },
    ];
    const adjusted = gasAdjuster.adjust([draft(ACCOUNT, 1)], evidence(null, ops));
    expect(adjusted[0]?.fees).toEqual([{ kind: 'gas', token: NATIVE, amount: 12n }]);
  });

  it('charges nothing when the sender has no trade or the receipt states no gas', () => {
    expect(gasAdjuster.adjust([draft(ACCOUNT, 1)], evidence(21_000n))[0]?.fees).toEqual([]);
    expect(gasAdjuster.adjust([draft(SENDER, 1)], evidence(null))[0]?.fees).toEqual([]);
  });
});
