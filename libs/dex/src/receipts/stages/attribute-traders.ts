import type { Address } from 'viem';
import { executingAccountAt, type AccountExecution } from './account-executions';
import type { PricedSwap, ResolvedSwap } from './resolved-swap';

/**
 * Stage 3: each swap's trader. The one the event names (CoW owner, 0x taker, aggregator sender), else the Safe or the
 * ERC-4337 account whose execution emitted it — their swaps are that account's, not those of whoever sent the
 * transaction — else tx.from.
 */
export function attributeTraders(swaps: readonly PricedSwap[], executions: readonly AccountExecution[], txFrom: Address): ResolvedSwap[] {
  return swaps.map(({ namedTrader, ...swap }) => ({
    logIndex: swap.logIndex,
    dexId: swap.dexId,
    level: swap.level,
    user: (namedTrader ?? executingAccountAt(executions, swap.logIndex) ?? txFrom).toLowerCase() as Address,
    venue: swap.venue,
    tokenIn: swap.tokenIn,
    amountIn: swap.amountIn,
    tokenOut: swap.tokenOut,
    amountOut: swap.amountOut,
    ...(swap.eventSender ? { eventSender: swap.eventSender } : {}),
    ...(swap.eventRecipient ? { eventRecipient: swap.eventRecipient } : {}),
    ...(swap.fee ? { fee: swap.fee } : {}),
  }));
}
