import type { Address, Hex } from 'viem';

/**
 * Where a factory puts its pools: CREATE2 from `deployer` over the pool's init-code hash, salted with the pool's
 * sorted tokens (and fee tier). Knowing it, a pool's address and tokens prove which DEX deployed it, without an RPC.
 */
export type PoolAddressing =
  /** Uniswap V2 pairs and forks: salt = keccak256(abi.encodePacked(token0, token1)). */
  | { readonly scheme: 'packed-pair'; readonly deployer: Address; readonly initCodeHash: Hex }
  /** Algebra V1 pools (QuickSwap V3): salt = keccak256(abi.encode(token0, token1)). */
  | { readonly scheme: 'encoded-pair'; readonly deployer: Address; readonly initCodeHash: Hex }
  /** Uniswap V3 pools and forks: salt = keccak256(abi.encode(token0, token1, fee)), one address per fee tier. */
  | { readonly scheme: 'fee-tier'; readonly deployer: Address; readonly initCodeHash: Hex; readonly fees: readonly number[] }
  /**
   * Velodrome V2 / Aerodrome pools: EIP-1167 clones of `implementation`, salt = keccak256(abi.encodePacked(token0,
   * token1, stable)), one address per pool kind (volatile, stable).
   */
  | { readonly scheme: 'solidly-clone'; readonly deployer: Address; readonly implementation: Address };
