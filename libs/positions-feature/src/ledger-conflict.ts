import type { FieldError, Trade, Transfer } from '@hyperdex/contracts';
import type { RecordedEvent } from '@hyperdex/persistence';
import type { LedgerEntry } from '@hyperdex/risk-core';

/**
 * How an event differs from the one the ledger recorded under the same id: empty for a true redelivery. Compared on
 * what positions are computed from (user, kind, chain, tokens, amounts, fees, time), so a producer that resends a
 * trade id with other figures learns of it instead of being silently ignored. Each error names the field and both
 * values; the last one carries the whole recorded version.
 */
export function conflictWith(received: Trade | Transfer, entry: LedgerEntry, recorded: RecordedEvent): FieldError[] {
  const mine = flatten(received.userId, entry);
  const theirs = flatten(recorded.userId, recorded.entry);
  const errors: FieldError[] = [];
  for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const a = mine[field];
    const b = theirs[field];
    if (a !== b) errors.push({ field, reason: `recorded ${b ?? '(absent)'}, received ${a ?? '(absent)'}` });
  }
  if (errors.length === 0) return errors;
  errors.push({ field: '(recorded)', reason: JSON.stringify(theirs) });
  return errors;
}

/** One comparable string per field; token addresses compared without regard to case. */
function flatten(userId: string, entry: LedgerEntry): Record<string, string> {
  const common = { userId, kind: entry.kind, chainId: String(entry.chainId), timestamp: String(entry.timestamp) };
  if (entry.kind === 'transfer') {
    return { ...common, token: entry.token.toLowerCase(), direction: entry.direction, amount: entry.amount.toString() };
  }
  const fees = Object.fromEntries(entry.fees.map((f, i) => [`fees[${i}]`, `${f.amount.toString()} ${f.token.toLowerCase()}`]));
  return {
    ...common,
    tokenIn: entry.tokenIn.toLowerCase(),
    amountIn: entry.amountIn.toString(),
    tokenOut: entry.tokenOut.toLowerCase(),
    amountOut: entry.amountOut.toString(),
    ...fees,
  };
}
