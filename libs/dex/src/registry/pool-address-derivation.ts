import { concat, encodeAbiParameters, encodePacked, getCreate2Address, keccak256, type Address, type Hex } from 'viem';
import type { PoolAddressing } from '../core/pool-addressing';

const PAIR = [{ type: 'address' }, { type: 'address' }] as const;
const PAIR_AND_FEE = [{ type: 'address' }, { type: 'address' }, { type: 'uint24' }] as const;

/** The init-code hash of an EIP-1167 minimal proxy (OpenZeppelin `Clones`) delegating to `implementation`. */
const minimalProxyInitCodeHash = (implementation: Address): Hex =>
  keccak256(concat(['0x3d602d80600a3d3981f3363d3d373d3d3d363d73', implementation, '0x5af43d82803e903d91602b57fd5bf3']));

/**
 * Every address a pool of these tokens can have under this addressing (one per fee tier for V3-style factories),
 * lower-cased. The tokens must be the pool's token0 < token1, as the factories sort them before deploying.
 */
export const derivePoolAddresses = (addressing: PoolAddressing, token0: Address, token1: Address): Address[] => {
  const bytecodeHash = addressing.scheme === 'solidly-clone' ? minimalProxyInitCodeHash(addressing.implementation) : addressing.initCodeHash;
  const at = (salt: Hex): Address => getCreate2Address({ from: addressing.deployer, salt, bytecodeHash }).toLowerCase() as Address;
  switch (addressing.scheme) {
    case 'packed-pair':
      return [at(keccak256(encodePacked(['address', 'address'], [token0, token1])))];
    case 'encoded-pair':
      return [at(keccak256(encodeAbiParameters(PAIR, [token0, token1])))];
    case 'fee-tier':
      return addressing.fees.map((fee) => at(keccak256(encodeAbiParameters(PAIR_AND_FEE, [token0, token1, fee]))));
    case 'solidly-clone':
      return [false, true].map((stable) => at(keccak256(encodePacked(['address', 'address', 'bool'], [token0, token1, stable]))));
  }
};
