import { z } from 'zod';
import { epochMillis, identifier, userId } from '../../primitives/primitives.schema';
import { RuleStatusSchema, TradingStateSchema } from '../../events/risk-metrics.event';

/**
 * `GET /v1/users/:userId/trading-state`: what the user may do now (ACTIVE, REDUCING, HALTED) and every rule's
 * status behind it, from the latest risk metrics.
 */
export const TradingStateResponseSchema = z.strictObject({
  userId,
  asOf: epochMillis,
  /** The risk-metrics event these figures come from. */
  eventId: identifier(300),
  tradingState: TradingStateSchema,
  rules: z.array(RuleStatusSchema),
});

export type TradingStateResponse = z.infer<typeof TradingStateResponseSchema>;
