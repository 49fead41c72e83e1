import { z } from 'zod';
import { decimalString, epochMillis, userId } from '../../primitives/primitives.schema';

export const HistoryBucketSchema = z.enum(['minute', 'hour', 'day']);

/** Width of each bucket in ms: bounds how many points one query may ask for. */
export const HISTORY_BUCKET_MS: Record<z.infer<typeof HistoryBucketSchema>, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** Most points one history query answers. */
export const HISTORY_MAX_POINTS = 5_000;

/**
 * One bucket of a user's exposure and equity history: the last snapshot inside the bucket (its close), plus the
 * bucket's highest gross exposure. Equity is the book's total PnL (realized + unrealized), the curve drawdown is
 * measured on; deposits are not modelled.
 */
export const HistoryPointSchema = z.strictObject({
  /** Start of the bucket (UTC). */
  t: epochMillis,
  grossExposureUsd: decimalString,
  maxGrossExposureUsd: decimalString,
  netExposureUsd: decimalString,
  equityUsd: decimalString,
  realizedPnlUsd: decimalString,
  unrealizedPnlUsd: decimalString,
  /** Snapshots that fell in the bucket. */
  samples: z.number().int().positive(),
});

export const HistoryResponseSchema = z.strictObject({
  userId,
  bucket: HistoryBucketSchema,
  from: epochMillis,
  to: epochMillis,
  /** Oldest first; empty buckets are left out. */
  points: z.array(HistoryPointSchema),
});

const queryMillis = z.coerce.number({ error: 'must be epoch milliseconds' }).pipe(epochMillis);

/** `from` defaults to one day before `to`, `to` to now; at most HISTORY_MAX_POINTS buckets. */
export const HistoryQuerySchema = z
  .strictObject({
    bucket: HistoryBucketSchema.default('minute'),
    from: queryMillis.optional(),
    to: queryMillis.optional(),
  });

export type HistoryBucket = z.infer<typeof HistoryBucketSchema>;
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;
