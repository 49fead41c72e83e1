import { z } from 'zod';
import { chainId, evmAddress } from '../primitives/primitives.schema';

/**
 * What a token is: symbol and decimals (needed to value a balance held in base units), and whether it is a USD
 * stablecoin. Published by ingestion when it learns a token traded on chain; `source` says how (`file`, `rpc`).
 */
export const TokenMetadataSchema = z.strictObject({
  chainId,
  address: evmAddress,
  symbol: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters'),
  decimals: z.number().int('must be an integer').min(0, 'must be at least 0').max(255, 'must be at most 255'),
  stablecoin: z.boolean(),
  source: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
});

export type TokenMetadata = z.infer<typeof TokenMetadataSchema>;

/** Keyed by token so the compacted topic keeps one record per token. */
export const tokenMetadataKey = (token: Pick<TokenMetadata, 'chainId' | 'address'>): string => `${token.chainId}:${token.address}`;

/** The format of `TOKEN_REGISTRY_FILE`: tokens added to the seeded registry. */
export const TokenRegistryFileSchema = z.array(
  z.strictObject({
    chainId,
    address: evmAddress,
    symbol: z.string().min(1).max(32),
    decimals: z.number().int().min(0).max(255),
    stablecoin: z.boolean().default(false),
  }),
);
