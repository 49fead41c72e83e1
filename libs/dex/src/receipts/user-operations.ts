import { parseAbiItem, toEventSelector, type Address } from 'viem';
import type { RawLog } from '../core/raw-log';
import { decodeLayout, eventLayout } from '../families/shared/event-layout';

/** The ERC-4337 EntryPoints (v0.6, v0.7, v0.8), deployed at the same address on every chain. */
export const ENTRY_POINTS: ReadonlySet<Address> = new Set<Address>([
  '0x5ff137d4b0fdcd49dca30c7cf57e578a026d2789',
  '0x0000000071727de22e5e9d8baf0edac6f37da032',
  '0x4337084d9e255ff0702461cf8895ce9e3b5ff108',
]);

const USER_OPERATION_EVENT = eventLayout(
  parseAbiItem(
    'event UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster, uint256 nonce, bool success, uint256 actualGasCost, uint256 actualGasUsed)',
  ),
);
export const BEFORE_EXECUTION_TOPIC0 = toEventSelector('BeforeExecution()');
export const USER_OPERATION_EVENT_TOPIC0 = USER_OPERATION_EVENT.topic0;
const NO_PAYMASTER: Address = '0x0000000000000000000000000000000000000000';

/** One executed UserOperation of a bundle: the smart account that asked for it and what it paid. */
export interface UserOperation {
  readonly sender: Address;
  /** The account paid its own gas (from its EntryPoint deposit) — no paymaster sponsored it. */
  readonly selfPaid: boolean;
  readonly actualGasCost: bigint;
  /** Logs with an index in (after, at) were emitted while this operation executed. */
  readonly after: number;
  readonly at: number;
}

/**
 * The UserOperations a bundle executed, in order. An EntryPoint validates every operation, emits `BeforeExecution`,
 * then runs each one and closes it with its `UserOperationEvent`: the logs between the previous boundary and that event
 * are the operation's — the swaps its account made, whoever the bundler (tx.from) is.
 */
export function userOperationsOf(logs: readonly RawLog[]): UserOperation[] {
  const operations: UserOperation[] = [];
  let boundary: number | undefined;
  // A receipt lists its logs in logIndex order (JSON-RPC), which is the order the EntryPoint emitted them.
  for (const log of logs) {
    if (!ENTRY_POINTS.has(log.address)) continue;
    if (log.topics[0] === BEFORE_EXECUTION_TOPIC0) boundary = log.logIndex;
    if (log.topics[0] !== USER_OPERATION_EVENT.topic0 || boundary === undefined) continue;
    const op = decodeLayout(USER_OPERATION_EVENT, log);
    if (typeof op === 'string') continue;
    operations.push({
      sender: op.sender.toLowerCase() as Address,
      selfPaid: op.paymaster.toLowerCase() === NO_PAYMASTER,
      actualGasCost: op.actualGasCost,
      after: boundary,
      at: log.logIndex,
    });
    boundary = log.logIndex;
  }
  return operations;
}

/** The UserOperation whose execution emitted the log at `logIndex`, if the log came from one. */
export const operationAt = (operations: readonly UserOperation[], logIndex: number): UserOperation | undefined =>
  operations.find((op) => logIndex > op.after && logIndex < op.at);
