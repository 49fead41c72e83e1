import type { KnownPool } from './pool-token-directory';

/**
 * Pools whose tokens cannot be proven from a receipt alone (Uniswap V4 pools live inside the PoolManager, whose
 * transfers mix every pool; their currencies come from `Initialize`, emitted once at creation; a Curve pool's native
 * ETH leg moves as the coin, with no Transfer). Each entry cites its source and states its deployment block where the
 * source gives one. Deployments add their own through the ingestion service's pool file or an RPC endpoint.
 */
export const KNOWN_POOLS: readonly KnownPool[] = [
  {
    // Uniswap V4 ETH/USDC (mainnet). Evidence: tx 0x4a3d3205…9aa7 (rotki/test-caching
    // test_uniswapv4/test_swap_eth_to_token) swaps native ETH in this PoolId and USDC leaves the PoolManager (log 153);
    // V4 orders currencies by address, so native (0x0) is currency0 and USDC currency1. Deployment block: not stated in
    // the evidence (the pool existed by block 23139821, the swap's).
    chainId: 1,
    address: '0x000000000004444c5dc75cb358380d2e3de08a90',
    poolId: '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7',
    dexId: 'uniswap-v4',
    tokens: ['0x0000000000000000000000000000000000000000', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
    source: 'static',
  },
  {
    // Curve stETH pool (mainnet), a native-ETH pool: its ETH leg moves as the coin, so no receipt transfer can prove
    // slot 0. Source: curvefi/curve-contract contracts/pools/steth/README.md (commit a1b5a797790d), "ETH: represented
    // in the pool as 0xEeee…EEeE", stETH 0xae7ab965…fE84. Deployment block: not stated in the source.
    chainId: 1,
    address: '0xdc24316b9ae028f1497c275eb9192a3ea0f67022',
    dexId: 'curve',
    tokens: ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '0xae7ab96520de3a18e5e111b5eaab095312d7fe84'],
    source: 'static',
  },
  {
    // Curve sETH pool (mainnet), native ETH / Synthetix sETH. Source: curvefi/curve-contract
    // contracts/pools/seth/README.md (commit ef8cc249ae4c). Deployment block: not stated in the source.
    chainId: 1,
    address: '0xc5424b857f758e906013f3555dad202e4bdb4567',
    dexId: 'curve',
    tokens: ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '0x5e74c9036fb86bd7ecdcb084a0673efc32ea31cb'],
    source: 'static',
  },
  {
    // Curve frxETH pool (mainnet), native ETH / Frax frxETH, ETH in slot 0. Source: sushi-labs/sushiswap
    // packages/sushi/src/router/liquidity-providers/CurveProvider.ts (commit 5a248a3f1498), CURVE_NON_FACTORY_POOLS,
    // tokens listed in coin-index order. Deployment block: not stated in the source.
    chainId: 1,
    address: '0xa1f8a6807c402e4a15ef4eba36528a3fed24e577',
    dexId: 'curve',
    tokens: ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '0x5e8422345238f34275888049021821e8e08caa1f'],
    source: 'static',
  },
  {
    // Curve ankrETH pool (mainnet), native ETH / Ankr ankrETH (aETH), ETH in slot 0. Source: sushi-labs/sushiswap
    // packages/sushi/src/router/liquidity-providers/CurveProvider.ts (commit 5a248a3f1498), CURVE_NON_FACTORY_POOLS,
    // tokens listed in coin-index order. Deployment block: not stated in the source.
    chainId: 1,
    address: '0xa96a65c051bf88b4095ee1f2451c2a9d43f53ae2',
    dexId: 'curve',
    tokens: ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '0xe95a203b1a91a908f9b9ce46459d101078c2c3cb'],
    source: 'static',
  },
  {
    // Curve rETH pool (mainnet), native ETH / StaFi rETH, ETH in slot 0. Source: sushi-labs/sushiswap
    // packages/sushi/src/router/liquidity-providers/CurveProvider.ts (commit 5a248a3f1498), CURVE_NON_FACTORY_POOLS,
    // tokens listed in coin-index order. Deployment block: not stated in the source.
    chainId: 1,
    address: '0xf9440930043eb3997fc70e1339dbb11f341de7a8',
    dexId: 'curve',
    tokens: ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '0x9559aaa82d9649c7a7b220e7c461d2e74c9a3593'],
    source: 'static',
  },
];
