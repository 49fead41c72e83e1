import { z } from 'zod';
import { chainId, epochMillis, evmAddress, positiveDecimalString } from '../primitives/primitives.schema';

/** The USD price of one whole token (not one base unit) observed at `timestamp`. */
export const PriceTickSchema = z.strictObject({
  chainId,
  token: evmAddress,
  priceUsd: positiveDecimalString,
  timestamp: epochMillis,
  source: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters'),
});

export type PriceTick = z.infer<typeof PriceTickSchema>;

/** Prices are keyed by token so the compacted topic keeps the latest tick of each. */
export const priceKey = (tick: Pick<PriceTick, 'chainId' | 'token'>): string => `${tick.chainId}:${tick.token}`;
