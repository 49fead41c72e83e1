import { z } from 'zod';
import { PriceTickSchema } from '../events/price-tick.event';
import { TradeSchema } from '../events/trade.event';
import { TransferSchema } from '../events/transfer.event';

/** `POST /v1/trades` accepts one trade or `{ "trades": [...] }`; the batch limit is the service's config. */
export const TradeBatchSchema = z.strictObject({ trades: z.array(TradeSchema).min(1, 'must hold at least one trade') });
export const TransferBatchSchema = z.strictObject({ transfers: z.array(TransferSchema).min(1, 'must hold at least one transfer') });
export const PriceBatchSchema = z.strictObject({ prices: z.array(PriceTickSchema).min(1, 'must hold at least one price') });

/** A body is a batch when it is an object carrying the batch field; anything else is read as one item. */
export const isBatchBody = (body: unknown, field: 'trades' | 'transfers' | 'prices'): boolean =>
  typeof body === 'object' && body !== null && !Array.isArray(body) && field in body;

export interface AcceptedTradesResponse {
  accepted: string[];
}

export interface AcceptedTransfersResponse {
  accepted: string[];
}

export interface AcceptedPricesResponse {
  accepted: Array<{ chainId: number; token: string; timestamp: number }>;
}
