import { z } from 'zod';
import { chainId, epochMillis, identifier, userId } from '../primitives/primitives.schema';

/**
 * Withdraws a trade that should never have counted: its log was removed by a chain reorganisation. It travels on the
 * trades topic under the same key as the trade, so it is always consumed after it.
 */
export const TradeRetractionSchema = z.strictObject({
  kind: z.literal('retraction'),
  tradeId: identifier(200),
  userId,
  chainId,
  reason: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  timestamp: epochMillis,
});

export type TradeRetraction = z.infer<typeof TradeRetractionSchema>;
