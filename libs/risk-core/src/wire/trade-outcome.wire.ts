import type { ExposureCause } from '@hyperdex/contracts';
import { formatUsd } from '../money/usd-amount';
import type { TradeOutcome } from '../positions/trade-outcome';

type WireOutcome = Extract<ExposureCause, { kind: 'trade' }>['outcome'];

/** What a booked swap did to PnL, as its exposure update's cause carries it (positions and the check alike). */
export const toWireOutcome = (outcome: TradeOutcome): WireOutcome => ({
  closesPosition: outcome.closesPosition,
  realizedPnlUsd: outcome.realizedPnlUsd !== null ? formatUsd(outcome.realizedPnlUsd) : null,
  notionalUsd: outcome.notionalUsd !== null ? formatUsd(outcome.notionalUsd) : null,
  feesUsd: outcome.feesUsd !== null ? formatUsd(outcome.feesUsd) : null,
});
