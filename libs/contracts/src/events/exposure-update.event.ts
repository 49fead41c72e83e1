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
});

export const UnpricedReasonSchema = z.enum(['no-price', 'unknown-token']);

export const ExposureCauseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trade'), tradeId: identifier(200) }),
  z.strictObject({ kind: z.literal('price'), chainId, token: evmAddress }),
]);

/** A user's exposure after a trade or a price move, valued at the latest known prices. */
export const ExposureUpdateSchema = z.strictObject({
  eventId: identifier(300),
  userId,
  asOf: epochMillis,
  cause: ExposureCauseSchema,
  /** Σ |value| over priced positions. */
  grossExposureUsd: decimalString,
  /** Σ value over priced positions (longs minus shorts). */
  netExposureUsd: decimalString,
  positions: z.array(TokenPositionSchema),
  unpriced: z.array(z.strictObject({ chainId, token: evmAddress, reason: UnpricedReasonSchema })),
  /** Timestamp of the oldest price used, so consumers can judge staleness; null when nothing is priced. */
  oldestPriceAt: epochMillis.nullable(),
});

export type TokenPosition = z.infer<typeof TokenPositionSchema>;
export type ExposureCause = z.infer<typeof ExposureCauseSchema>;
export type ExposureUpdate = z.infer<typeof ExposureUpdateSchema>;
