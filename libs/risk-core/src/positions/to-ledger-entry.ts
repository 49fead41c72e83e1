import type { Trade, Transfer } from '@hyperdex/contracts';
import type { LedgerEntry } from './ledger-entry';

/** The wire event (validated decimal strings) as the book's exact bigint entry. */
export function toLedgerEntry(event: Trade | Transfer): LedgerEntry {
  if (event.kind === 'transfer') {
    return {
      kind: 'transfer',
      id: event.transferId,
      chainId: event.chainId,
      token: event.token,
      direction: event.direction,
      amount: BigInt(event.amount),
      timestamp: event.timestamp,
    };
  }
  return {
    kind: 'swap',
    id: event.tradeId,
    chainId: event.chainId,
    tokenIn: event.tokenIn,
    amountIn: BigInt(event.amountIn),
    tokenOut: event.tokenOut,
    amountOut: BigInt(event.amountOut),
    fees: (event.fees ?? []).map((fee) => ({ token: fee.token, amount: BigInt(fee.amount) })),
    timestamp: event.timestamp,
  };
}
