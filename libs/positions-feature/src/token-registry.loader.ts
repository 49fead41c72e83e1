import { TokenRegistryFileSchema } from '@hyperdex/contracts';
import { readJsonConfigFile } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';

/** The seeded registry plus the tokens of an optional JSON file; a bad file stops the service with the reason. */
export function loadTokenRegistry(file: string | undefined): TokenRegistry {
  return TokenRegistry.withExtras(file ? readJsonConfigFile('TOKEN_REGISTRY_FILE', file, TokenRegistryFileSchema) : []);
}
