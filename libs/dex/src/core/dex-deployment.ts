import type { Address } from 'viem';
import type { DexFamilyId } from './family-id';
import type { PoolAddressing } from './pool-addressing';

/** Where one DEX lives on one chain. Singletons emit every swap themselves; factories create the pools that do. */
export interface DexDeployment {
  readonly chainId: number;
  readonly singletons?: readonly Address[];
  readonly factories?: readonly Address[];
  /** How the factories place their pools, when known: lets a pool's address and tokens prove this DEX. */
  readonly poolAddressing?: PoolAddressing;
}

/** A DEX id (`uniswap-v3`, `aerodrome-slipstream`…) and the decoder family its contracts speak. */
export interface DexDefinition {
  readonly id: string;
  readonly family: DexFamilyId;
  readonly name: string;
  readonly deployments: readonly DexDeployment[];
}
