import { z } from 'zod';
import {
  chainId,
  decimalString,
  epochMillis,
  evmAddress,
  identifier,
  signedIntegerString,
  userId,
} from '../primitives/primitives.schema';

export const TokenPositionSchema = z.strictObject({
  chainId,
  token: evmAddress,
  symbol: z.string().nullable(),
  decimals: z.number().int().min(0).max(255).nullable(),
  /** Net base units; negative when the user sold more than the trades seen so far bought. */
  balance: signedIntegerString,
  priceUsd: decimalString.nullable(),
  priceTimestamp: epochMillis.nullable(),
  valueUsd: decimalString.nullable(),
  /** |value| / gross exposure, as a decimal fraction in [0, 1]; null while unpriced. */
  share: decimalString.nullable(),
  stablecoin: z.boolean(),
  /** Signed USD cost of the open quantity under average cost (negative for a short); null when a leg was unpriced. */
  costUsd: decimalString.nullable(),
  averageCostUsd: decimalString.nullable(),
  /** value − cost; null when either is unknown. */
  unrealizedPnlUsd: decimalString.nullable(),
  /** PnL realized in this token so far, net of the fees paid in it. */
  realizedPnlUsd: decimalString,
  feesUsd: decimalString,
});

export const UnpricedReasonSchema = z.enum(['no-price', 'unknown-token']);

/** What one ledger event did to PnL: the unit of win rate, losing streaks and average trade size. */
export const TradeOutcomeSchema = z.strictObject({
  /** True when the trade disposed of quantity held before (a closed trade). */
  closesPosition: z.boolean(),
  realizedPnlUsd: decimalString.nullable(),
  notionalUsd: decimalString.nullable(),
  feesUsd: decimalString.nullable(),
});

export const ExposureCauseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trade'), tradeId: identifier(200), outcome: TradeOutcomeSchema, executedAt: epochMillis }),
  z.strictObject({ kind: z.literal('transfer'), transferId: identifier(200) }),
  z.strictObject({ kind: z.literal('retraction'), tradeId: identifier(200), reason: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('price'), chainId, token: evmAddress }),
]);

/**
 * A user's exposure after one or more ledger events or price moves, valued at the latest known prices. Under load
 * positions folds several events of one user into one update; it then names every one of them in `causes`, so a
 * client can still tell that its trade took effect (see `causesOf`).
 */
export const ExposureUpdateSchema = z.strictObject({
  eventId: identifier(300),
  userId,
  asOf: epochMillis,
  /** The last event this update covers (the only one when `causes` is absent). */
  cause: ExposureCauseSchema,
  /** Every event this update covers, in the order they were applied; the last equals `cause`. Absent means `[cause]`. */
  causes: z.array(ExposureCauseSchema).min(1).max(10_000).optional(),
  /** Σ |value| over priced positions. */
  grossExposureUsd: decimalString,
  /** Σ value over priced positions (longs minus shorts). */
  netExposureUsd: decimalString,
  /** Σ |value| of stablecoin positions; with volatileExposureUsd it sums to grossExposureUsd. */
  stablecoinExposureUsd: decimalString,
  volatileExposureUsd: decimalString,
  realizedPnlUsd: decimalString,
  unrealizedPnlUsd: decimalString,
  feesUsd: decimalString,
  /** False when some PnL could not be valued for want of a price. */
  pnlComplete: z.boolean(),
  positions: z.array(TokenPositionSchema),
  unpriced: z.array(z.strictObject({ chainId, token: evmAddress, reason: UnpricedReasonSchema })),
  /** Timestamp of the oldest price used, so consumers can judge staleness; null when nothing is priced. */
  oldestPriceAt: epochMillis.nullable(),
});

export type TokenPosition = z.infer<typeof TokenPositionSchema>;
export type TradeOutcomeEvent = z.infer<typeof TradeOutcomeSchema>;
export type ExposureCause = z.infer<typeof ExposureCauseSchema>;
export type ExposureUpdate = z.infer<typeof ExposureUpdateSchema>;

/** Every ledger event and price move an update covers, in the order applied. */
export function causesOf(update: Pick<ExposureUpdate, 'cause' | 'causes'>): readonly ExposureCause[] {
  return update.causes ?? [update.cause];
}

/** The trade ids (trades and retractions) an update covers: how a producer learns that its trade took effect. */
export function tradeIdsOf(update: Pick<ExposureUpdate, 'cause' | 'causes'>): string[] {
  return causesOf(update).flatMap((c) => (c.kind === 'trade' || c.kind === 'retraction' ? [c.tradeId] : []));
}
