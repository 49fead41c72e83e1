import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { chainId, evmAddress, validate } from '@hyperdex/contracts';
import { TokenRegistry, type TokenInfo } from '@hyperdex/risk-core';

const TokenFileSchema = z.array(
  z.strictObject({
    chainId,
    address: evmAddress,
    symbol: z.string().min(1).max(32),
    decimals: z.number().int().min(0).max(255),
    stablecoin: z.boolean().default(false),
  }),
);

/** The seeded registry plus the tokens of an optional JSON file; a bad file stops the service with the reason. */
export function loadTokenRegistry(file: string | undefined): TokenRegistry {
  if (!file) return new TokenRegistry();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TOKEN_REGISTRY_FILE ${file}: ${(error as Error).message}`);
  }
  const result = validate(TokenFileSchema, parsed);
  if (!result.ok) {
    throw new Error(`TOKEN_REGISTRY_FILE ${file}: ${result.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`);
  }
  return TokenRegistry.withExtras(result.value satisfies TokenInfo[]);
}
