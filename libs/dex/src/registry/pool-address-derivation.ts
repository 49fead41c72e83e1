import { encodeAbiParameters, encodePacked, getCreate2Address, keccak256, type Address } from 'viem';
import type { PoolAddressing } from '../core/pool-addressing';

const PAIR = [{ type: 'address' }, { type: 'address' }] as const;
const PAIR_AND_FEE = [{ type: 'address' }, { type: 'address' }, { type: 'uint24' }] as const;

/**
 * Every address a pool of these tokens can have under this addressing (one per fee tier for V3-style factories),
 * lower-cased. The tokens must be the pool's token0 < token1, as the factories sort them before deploying.
 */
export const derivePoolAddresses = (addressing: PoolAddressing, token0: Address, token1: Address): Address[] => {
  const at = (salt: `0x${string}`): Address =>
    getCreate2Address({ from: addressing.deployer, salt, bytecodeHash: addressing.initCodeHash }).toLowerCase() as Address;
  switch (addressing.scheme) {
    case 'packed-pair':
      return [at(keccak256(encodePacked(['address', 'address'], [token0, token1])))];
    case 'encoded-pair':
      return [at(keccak256(encodeAbiParameters(PAIR, [token0, token1])))];
    case 'fee-tier':
      return addressing.fees.map((fee) => at(keccak256(encodeAbiParameters(PAIR_AND_FEE, [token0, token1, fee]))));
  }
};
