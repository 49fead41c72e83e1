import type { Address, Hex } from 'viem';

/**
 * One log of a transaction receipt after normalisation: addresses lower-case, numbers decoded from their JSON-RPC hex
 * quantities. `removed` is true when a reorg took the log out of the canonical chain.
 */
export interface RawLog {
  readonly address: Address;
  readonly topics: readonly Hex[];
  readonly data: Hex;
  readonly logIndex: number;
  readonly removed: boolean;
}
