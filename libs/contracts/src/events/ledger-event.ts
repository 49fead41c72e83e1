import { z } from 'zod';
import { TradeRetractionSchema } from './trade-retraction.event';
import { TradeSchema } from './trade.event';
import { TransferSchema } from './transfer.event';

/** Everything that changes a user's holdings, in one ordered stream per user (the trades topic). */
export const LedgerEventSchema = z.discriminatedUnion('kind', [TradeSchema, TransferSchema, TradeRetractionSchema]);

export type LedgerEvent = z.infer<typeof LedgerEventSchema>;

/** The id under which an event is de-duplicated: a trade and its retraction share the trade's id. */
export const ledgerEventId = (event: LedgerEvent): string =>
  event.kind === 'transfer' ? event.transferId : event.tradeId;
