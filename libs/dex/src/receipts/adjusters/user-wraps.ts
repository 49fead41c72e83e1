import type { Address } from 'viem';
import { nativeWrapsOf, type NativeWraps } from '../native-legs';
import type { ReceiptEvidence } from '../stages/receipt-evidence';

/**
 * The native-coin wraps made for `user`: the whole receipt's for the transaction's sender, the logs of a smart
 * account's own executions for that account. Undefined for anyone else (native coin only moves with them) or on a
 * chain without a registered wrapper.
 */
export function userWraps(evidence: ReceiptEvidence, user: Address): NativeWraps | undefined {
  const { receipt, logs, transfers, executions } = evidence;
  const own = executions.filter((run) => run.account === user);
  if (own.length === 0 && user !== receipt.from) return undefined;
  const scope = own.length === 0 ? logs : logs.filter((log) => own.some((run) => log.logIndex > run.after && log.logIndex < run.at));
  const inScope = new Set(scope.map((log) => log.logIndex));
  return nativeWrapsOf(receipt.chainId, scope, transfers.filter((t) => inScope.has(t.logIndex)));
}
