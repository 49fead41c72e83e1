import { z } from 'zod';
import { chainId, epochMillis, evmAddress, identifier, uint256String } from '../../primitives/primitives.schema';

/** One booked ledger event as `GET /v1/users/:userId/trades` lists it (swaps and transfers, retracted ones marked). */
export const TradeViewSchema = z.strictObject({
  tradeId: identifier(200),
  kind: z.enum(['swap', 'transfer']),
  chainId,
  dex: z.string(),
  /** Null on the side a transfer does not have. */
  tokenIn: evmAddress.nullable(),
  tokenOut: evmAddress.nullable(),
  amountIn: uint256String.nullable(),
  amountOut: uint256String.nullable(),
  executedAt: epochMillis,
  recordedAt: epochMillis,
  /** Set when a reorg retracted the trade; it then counts for nothing. */
  retractedAt: epochMillis.nullable(),
});

/** Newest first; `nextCursor` is null on the last page. */
export const TradesResponseSchema = z.strictObject({
  items: z.array(TradeViewSchema),
  nextCursor: z.string().nullable(),
});

const pageLimit = z.coerce
  .number({ error: 'must be an integer from 1 to 500' })
  .int('must be an integer from 1 to 500')
  .min(1, 'must be an integer from 1 to 500')
  .max(500, 'must be an integer from 1 to 500');

export const TradesQuerySchema = z.strictObject({
  limit: pageLimit.default(50),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a nextCursor from a previous page').optional(),
});

export type TradeView = z.infer<typeof TradeViewSchema>;
export type TradesResponse = z.infer<typeof TradesResponseSchema>;
export type TradesQuery = z.infer<typeof TradesQuerySchema>;
