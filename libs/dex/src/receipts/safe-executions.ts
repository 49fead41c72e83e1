import { toEventSelector, type Address } from 'viem';
import type { RawLog } from '../core/raw-log';
import { BEFORE_EXECUTION_TOPIC0, ENTRY_POINTS, USER_OPERATION_EVENT_TOPIC0 } from './user-operations';

/** Safe's `ExecutionSuccess(bytes32 txHash, uint256 payment)`: txHash plain in v1.3, indexed from v1.4 (same topic0). */
const EXECUTION_SUCCESS_TOPIC0 = toEventSelector('ExecutionSuccess(bytes32,uint256)');
const ENTRY_POINT_BOUNDARIES = new Set([BEFORE_EXECUTION_TOPIC0, USER_OPERATION_EVENT_TOPIC0]);

/** One transaction a Safe executed: the logs with an index in (after, at) were emitted while it ran. */
export interface SafeExecution {
  readonly safe: Address;
  readonly after: number;
  readonly at: number;
}

const isExecutionSuccess = (log: RawLog): boolean =>
  log.topics[0] === EXECUTION_SUCCESS_TOPIC0 &&
  ((log.topics.length === 1 && log.data.length === 130) || (log.topics.length === 2 && log.data.length === 66));

/**
 * The transactions Safes executed in this receipt. `execTransaction` runs the Safe's call, then the Safe emits
 * `ExecutionSuccess`: the logs since the previous boundary (another execution, an EntryPoint operation, or the start
 * of the receipt) are the Safe's — its swaps are the Safe's, not those of the owner who sent the transaction.
 */
export function safeExecutionsOf(logs: readonly RawLog[]): SafeExecution[] {
  const executions: SafeExecution[] = [];
  let boundary = -1;
  // A receipt lists its logs in logIndex order (JSON-RPC).
  for (const log of logs) {
    if (ENTRY_POINTS.has(log.address) && log.topics[0] !== undefined && ENTRY_POINT_BOUNDARIES.has(log.topics[0])) {
      boundary = log.logIndex;
    } else if (isExecutionSuccess(log)) {
      executions.push({ safe: log.address, after: boundary, at: log.logIndex });
      boundary = log.logIndex;
    }
  }
  return executions;
}
