import { z } from 'zod';
import { epochMillis, userId } from '../../primitives/primitives.schema';
import { ExposureUpdateSchema, TokenPositionSchema } from '../../events/exposure-update.event';

/** `GET /v1/users/:userId/positions`: the positions of the latest exposure snapshot, each with its PnL. */
export const PositionsResponseSchema = z.strictObject({
  userId,
  asOf: epochMillis,
  positions: z.array(TokenPositionSchema),
  unpriced: ExposureUpdateSchema.shape.unpriced,
  realizedPnlUsd: ExposureUpdateSchema.shape.realizedPnlUsd,
  unrealizedPnlUsd: ExposureUpdateSchema.shape.unrealizedPnlUsd,
  pnlComplete: ExposureUpdateSchema.shape.pnlComplete,
});

export type PositionsResponse = z.infer<typeof PositionsResponseSchema>;
