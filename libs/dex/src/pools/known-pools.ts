import type { KnownPool } from './pool-token-directory';

/**
 * Pools whose tokens cannot be proven from a receipt alone (Uniswap V4 pools live inside the PoolManager, whose
 * transfers mix every pool; their currencies come from `Initialize`, emitted once at creation). Each entry cites the
 * evidence. Deployments add their own through the ingestion service's pool file or an RPC endpoint.
 */
export const KNOWN_POOLS: readonly KnownPool[] = [
  {
    // Uniswap V4 ETH/USDC (mainnet). Evidence: tx 0x4a3d3205…9aa7 (rotki/test-caching
    // test_uniswapv4/test_swap_eth_to_token) swaps native ETH in this PoolId and USDC leaves the PoolManager (log 153);
    // V4 orders currencies by address, so native (0x0) is currency0 and USDC currency1.
    chainId: 1,
    address: '0x000000000004444c5dc75cb358380d2e3de08a90',
    poolId: '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7',
    dexId: 'uniswap-v4',
    tokens: ['0x0000000000000000000000000000000000000000', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
    source: 'static',
  },
];
