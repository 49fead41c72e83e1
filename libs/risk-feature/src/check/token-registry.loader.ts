import { TokenRegistryFileSchema } from '@hyperdex/contracts';
import { readJsonConfigFile } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';

/**
 * The seeded registry plus an optional file, as positions loads it: a hypothetical trade is valued with the same
 * decimals and stablecoin flags its booking would be. Tokens positions learns later reach risk on exposure updates.
 */
export function loadTokenRegistry(file: string | undefined): TokenRegistry {
  return TokenRegistry.withExtras(file ? readJsonConfigFile('TOKEN_REGISTRY_FILE', file, TokenRegistryFileSchema) : []);
}
