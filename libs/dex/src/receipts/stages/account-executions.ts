import type { Address } from 'viem';
import type { SafeExecution } from '../safe-executions';
import type { UserOperation } from '../user-operations';

/** A span of the receipt a smart account (a Safe, a UserOperation's account) executed itself. */
export interface AccountExecution {
  readonly account: Address;
  readonly after: number;
  readonly at: number;
}

export const accountExecutions = (operations: readonly UserOperation[], safes: readonly SafeExecution[]): AccountExecution[] => [
  ...safes.map((run) => ({ account: run.safe, after: run.after, at: run.at })),
  ...operations.map((op) => ({ account: op.sender, after: op.after, at: op.at })),
];

/** The innermost account executing at `logIndex`: a Safe's run nests inside an operation, so it is tried first. */
export const executingAccountAt = (executions: readonly AccountExecution[], logIndex: number): Address | undefined =>
  executions.find((run) => logIndex > run.after && logIndex < run.at)?.account;
