import type { ExposureCause, Trade, TradeRetraction, Transfer } from '@hyperdex/contracts';
import { toWireOutcome, type TradeOutcome } from '@hyperdex/risk-core';

/** The cause an update names for an event that was just booked, with what it did to PnL. */
export function bookedCause(event: Trade | Transfer, outcome: TradeOutcome): ExposureCause {
  if (event.kind === 'transfer') return { kind: 'transfer', transferId: event.transferId };
  return {
    kind: 'trade',
    tradeId: event.tradeId,
    executedAt: event.timestamp,
    outcome: toWireOutcome(outcome),
  };
}

/**
 * The cause republished for an event the ledger already had. Its outcome is not known again, and the republished
 * update must not count as a new closed trade downstream, so it says nothing about PnL.
 */
export function duplicateCause(event: Trade | Transfer): ExposureCause {
  if (event.kind === 'transfer') return { kind: 'transfer', transferId: event.transferId };
  return {
    kind: 'trade',
    tradeId: event.tradeId,
    executedAt: event.timestamp,
    outcome: { closesPosition: false, realizedPnlUsd: null, notionalUsd: null, feesUsd: null },
  };
}

export function retractionCause(retraction: TradeRetraction): ExposureCause {
  return { kind: 'retraction', tradeId: retraction.tradeId, reason: retraction.reason };
}
