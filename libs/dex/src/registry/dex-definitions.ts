import type { Address, Hex } from 'viem';
import type { DexDefinition, DexDeployment } from '../core/dex-deployment';
import type { DexFamilyId } from '../core/family-id';
import type { PoolAddressing } from '../core/pool-addressing';

/** Chain ids the registry covers. */
export const ETHEREUM = 1;
export const OPTIMISM = 10;
export const BNB_CHAIN = 56;
export const GNOSIS = 100;
export const POLYGON = 137;
export const BASE = 8453;
export const ARBITRUM = 42161;
export const AVALANCHE = 43114;

const a = (address: string): Address => address.toLowerCase() as Address;

// Pool placement constants (see [c2]). A wrong constant could only fail to match, never attribute a pool wrongly: a
// CREATE2 address that equals the emitter is proof of the factory.
const UNISWAP_V2_PAIR_INIT_CODE_HASH: Hex = '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f';
const UNISWAP_V3_POOL_INIT_CODE_HASH: Hex = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';
const UNISWAP_V3_FEES = [100, 500, 3000, 10000] as const;
const v2Pairs = (factory: Address): PoolAddressing => ({ scheme: 'packed-pair', deployer: factory, initCodeHash: UNISWAP_V2_PAIR_INIT_CODE_HASH });
const v3Pools = (factory: Address): PoolAddressing => ({
  scheme: 'fee-tier',
  deployer: factory,
  initCodeHash: UNISWAP_V3_POOL_INIT_CODE_HASH,
  fees: UNISWAP_V3_FEES,
});
const SUSHISWAP_V2_PAIR_INIT_CODE_HASH: Hex = '0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303';
const sushiswapV2 = (chainId: number, factory: string): DexDeployment => ({
  chainId,
  factories: [a(factory)],
  poolAddressing: { scheme: 'packed-pair', deployer: a(factory), initCodeHash: SUSHISWAP_V2_PAIR_INIT_CODE_HASH },
});
/** Velodrome V2 / Aerodrome: the factory clones one pool implementation per pair and kind. */
const solidlyPools = (chainId: number, factory: string, implementation: string): DexDeployment => ({
  chainId,
  factories: [a(factory)],
  poolAddressing: { scheme: 'solidly-clone', deployer: a(factory), implementation: a(implementation) },
});
const uniswapV2 = (chainId: number, factory: string): DexDeployment => ({ chainId, factories: [a(factory)], poolAddressing: v2Pairs(a(factory)) });
const uniswapV3 = (chainId: number, factory: string): DexDeployment => ({ chainId, factories: [a(factory)], poolAddressing: v3Pools(a(factory)) });
const on = (chainIds: readonly number[], contracts: Omit<DexDeployment, 'chainId'> = {}): DexDeployment[] =>
  chainIds.map((chainId) => ({ chainId, ...contracts }));

/**
 * Families whose swaps are emitted only by known singletons (vaults, pool managers, settlement/router contracts).
 * Their topic0 from any other contract is not trusted.
 */
export const SINGLETON_FAMILIES: ReadonlySet<DexFamilyId> = new Set<DexFamilyId>([
  'uniswap-v4',
  'balancer-v2',
  'balancer-v3',
  'cow-protocol',
  'zeroex',
  'aggregator-swapped',
]);

/** The dex id a pool of a family gets when only its topic0 is known (flagged unverified by the classifier). */
export const GENERIC_DEX_IDS: Readonly<Record<DexFamilyId, string>> = {
  'uniswap-v2': 'uniswap-v2-fork',
  'uniswap-v3': 'uniswap-v3-fork',
  'pancakeswap-v3': 'pancakeswap-v3-fork',
  'algebra-integral': 'algebra-integral',
  'uniswap-v4': 'uniswap-v4',
  'solidly-v2': 'solidly-v2',
  curve: 'curve',
  'balancer-v2': 'balancer-v2',
  'balancer-v3': 'balancer-v3',
  'trader-joe-lb': 'trader-joe-lb',
  'maverick-v1': 'maverick-v1',
  'maverick-v2': 'maverick-v2',
  'dodo-v2': 'dodo-v2',
  'kyberswap-classic': 'kyberswap-classic',
  'cow-protocol': 'cow-protocol',
  zeroex: 'zeroex',
  'aggregator-swapped': 'aggregator-swapped',
};

/*
 * Sources of the addresses (an address with no source here is not listed; deployments without addresses only say the
 * family was seen on that chain, per /work/shared/reference/dex-events.md §4):
 * [ref]   /work/shared/reference/dex-events.md (V4 PoolManagers, Balancer vaults, CoW, 0x, 1inch, KyberSwap router)
 * [uv2]   dirname/uniswap-docs contracts/v2/reference/smart-contracts/08-deployment-addresses.md (Uniswap docs copy)
 * [uv3]   DefiLlama/DefiLlama-Adapters projects/uniswap/index.js (avax); code-search excerpt of a Solidity library citing
 *         docs.uniswap.org/contracts/v3/reference/deployments (mainnet, BNB, Base); paraswap/Nethereum excerpts
 * [uv4]   Nethereum/Nethereum src/Nethereum.Uniswap/UniswapAddresses.cs (1, 10); code-search excerpt of a BNB TVL
 *         adapter (56)
 * [cake]  pancakeswap/pancake-document developers/smart-contracts/pancakeswap-exchange/v3-contracts/README.md
 * [sushi] code-search excerpts: aravindhkm/PancakeMultihopsRoute src/config/constants/dex.js (sushi v2 + pancake v2
 *         factories); DefiLlama-style uniV3Export excerpt (sushi v3 ethereum/arbitrum); SushiSwap SDK-style constants
 *         (SUSHI_FACTORY_ADDRESS 0xc35DADB6… off Ethereum, SUSHI_INIT_CODE_HASH) in several code-search excerpts
 * [algb]  paraswap/paraswap-dex-lib src/dex/quickswap/config.ts (QuickSwap V3, Camelot V3, THENA Fusion)
 * [velo]  0xProject/0x-settler src/core/univ3forks/VelodromeSlipstream.sol, AerodromeSlipstream.sol; mo4islona/jellyfishes
 *         streams/swaps/deployments.ts (Aerodrome basic); code-search excerpts (Velodrome V1/V2 factories)
 * [joe]   traderjoe-xyz/joe-docs docs/deployment-addresses/avalanche.md (Joe V1 factory)
 * [qs]    code-search excerpt of a Python deployments table (QuickSwap V2 factory)
 * [c2]    pool placement (deployer, init-code hash or clone implementation, fee tiers), checked against recorded
 *         pools: the CREATE2 address of each pool's tokens equals the pool that emitted the swap in the fixtures under
 *         families/ — Uniswap V2 on Ethereum (uniswap-v2/ethereum-0x67cf6c4c: 3 pairs) and Arbitrum
 *         (cow-protocol/arbitrum-0xd1b5ca7b); QuickSwap V2 (dodo-v2/polygon-0xe13e0eba: 3 pairs); SushiSwap V2 on
 *         Polygon (that fixture's 4th pair), Arbitrum (cow-protocol/arbitrum-0xd1b5ca7b) and Gnosis
 *         (cow-protocol/gnosis-0x024e1da9); Uniswap V3 on Ethereum, Polygon, Arbitrum and Base (fee 100/500/3000/10000
 *         pools in 6 fixtures); QuickSwap V3 (dodo-v2/polygon-0xdbe490bb); PancakeSwap V3 on Ethereum, Arbitrum and
 *         Base; Velodrome V2 (solidly-v2/optimism-0x0cca192b: 3 pools) and Aerodrome (zeroex/base-0x4a5eb8fa), whose
 *         volatile pools are clones of the implementation named. Chains the recordings do not reach share the factory
 *         bytecode only; registry/pool-attribution.spec.ts re-checks every recorded pool.
 */
export const DEX_DEFINITIONS: readonly DexDefinition[] = [
  // ---- uniswap-v2 family -------------------------------------------------------------------------------------------
  {
    id: 'uniswap-v2',
    family: 'uniswap-v2',
    name: 'Uniswap V2',
    deployments: [
      uniswapV2(ETHEREUM, '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f'), // [uv2] [c2]
      uniswapV2(ARBITRUM, '0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9'), // [uv2] [c2]
      uniswapV2(AVALANCHE, '0x9e5A52f57b3038F1B8EeE45F28b3C1967e22799C'), // [uv2]
      uniswapV2(BNB_CHAIN, '0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6'), // [uv2]
      uniswapV2(BASE, '0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6'), // [uv2]
      uniswapV2(OPTIMISM, '0x0c3c1c532F1e39EdF36BE9Fe0bE1410313E074Bf'), // [uv2]
      uniswapV2(POLYGON, '0x9e5A52f57b3038F1B8EeE45F28b3C1967e22799C'), // [uv2]
    ],
  },
  {
    id: 'sushiswap-v2',
    family: 'uniswap-v2',
    name: 'SushiSwap V2',
    deployments: [
      sushiswapV2(ETHEREUM, '0xC0AEe478e3658e2610c5F7A4A2E1777cE9e4f2Ac'), // [sushi]
      ...[ARBITRUM, POLYGON, GNOSIS, BNB_CHAIN, AVALANCHE].map((chainId) => sushiswapV2(chainId, '0xc35DADB65012eC5796536bD9864eD8773aBc74C4')), // [sushi] [c2]
    ],
  },
  {
    id: 'pancakeswap-v2',
    family: 'uniswap-v2',
    name: 'PancakeSwap V2',
    deployments: [
      { chainId: BNB_CHAIN, factories: [a('0xcA143Ce32Fe78f1f7019d7d551a6402fC5350c73')] }, // [sushi]
      ...on([ETHEREUM, ARBITRUM, BASE]),
    ],
  },
  {
    id: 'quickswap-v2',
    family: 'uniswap-v2',
    name: 'QuickSwap V2',
    deployments: [uniswapV2(POLYGON, '0x5757371414417b8C6CAad45bAeF941aBc7d3Ab32')], // [qs] [c2]
  },
  {
    id: 'trader-joe-v1',
    family: 'uniswap-v2',
    name: 'Trader Joe V1',
    deployments: [{ chainId: AVALANCHE, factories: [a('0x9Ad6C38BE94206cA50bb0d90783181662f0Cfa10')] }], // [joe]
  },
  { id: 'camelot-v2', family: 'uniswap-v2', name: 'Camelot V2', deployments: on([ARBITRUM]) },
  {
    id: 'velodrome-v1',
    family: 'uniswap-v2',
    name: 'Velodrome V1',
    deployments: [{ chainId: OPTIMISM, factories: [a('0x25CbdDb98b35ab1FF77413456B31EC81A6B6B746')] }], // [velo]
  },
  { id: 'honeyswap', family: 'uniswap-v2', name: 'Honeyswap', deployments: on([GNOSIS]) },
  // A pool that speaks the family's event but no registered factory places: any of the family's many forks.
  { id: 'uniswap-v2-fork', family: 'uniswap-v2', name: 'Uniswap V2-style pool (unattributed)', deployments: [] },
  // ---- uniswap-v3 family (V3, Slipstream, Algebra V1) ---------------------------------------------------------------
  {
    id: 'uniswap-v3',
    family: 'uniswap-v3',
    name: 'Uniswap V3',
    deployments: [
      ...[ETHEREUM, ARBITRUM, OPTIMISM, POLYGON].map((chainId) => uniswapV3(chainId, '0x1F98431c8aD98523631AE4a59f267346ea31F984')), // [uv3] [c2]
      uniswapV3(BASE, '0x33128a8fC17869897dcE68Ed026d694621f6FDfD'), // [uv3] [c2]
      uniswapV3(BNB_CHAIN, '0xdB1d10011AD0Ff90774D0C6Bb92e5C5c8b4461F7'), // [uv3]
      uniswapV3(AVALANCHE, '0x740b1c1de25031C31FF4fC9A62f554A55cdC1baD'), // [uv3]
    ],
  },
  {
    id: 'sushiswap-v3',
    family: 'uniswap-v3',
    name: 'SushiSwap V3',
    deployments: [
      { chainId: ETHEREUM, factories: [a('0xbACEB8eC6b9355Dfc0269C18bac9d6E2Bdc29C4F')] }, // [sushi]
      { chainId: ARBITRUM, factories: [a('0x1af415a1EbA07a4986a52B6f2e7dE7003D82231e')] }, // [sushi]
      ...on([POLYGON, BASE]),
    ],
  },
  {
    id: 'quickswap-v3',
    family: 'uniswap-v3',
    name: 'QuickSwap V3 (Algebra V1)',
    deployments: [
      {
        chainId: POLYGON,
        factories: [a('0x411b0fAcC3489691f28ad58c47006AF5E3Ab3A28')], // [algb]
        // Algebra deploys through its pool deployer, not the factory. [c2]
        poolAddressing: {
          scheme: 'encoded-pair',
          deployer: a('0x2D98E2FA9da15aa6dC9581AB097Ced7af697CB92'),
          initCodeHash: '0x6ec6c9c8091d160c0aa74b2b14ba9c1717e95093bd3ac085cee99a49aab294a4',
        },
      },
    ],
  },
  {
    id: 'camelot-v3',
    family: 'uniswap-v3',
    name: 'Camelot V3 (Algebra)',
    deployments: [{ chainId: ARBITRUM, factories: [a('0x1a3c9B1d2F0529D97f2afC5136Cc23e58f1FD35B')] }], // [algb]
  },
  {
    id: 'thena-fusion',
    family: 'uniswap-v3',
    name: 'THENA Fusion (Algebra)',
    deployments: [{ chainId: BNB_CHAIN, factories: [a('0x306F06C147f064A010530292A1EB6737c3e378e4')] }], // [algb]
  },
  {
    id: 'velodrome-slipstream',
    family: 'uniswap-v3',
    name: 'Velodrome Slipstream',
    deployments: [{ chainId: OPTIMISM, factories: [a('0xCc0bDDB707055e04e497aB22a59c2aF4391cd12F')] }], // [velo]
  },
  {
    id: 'aerodrome-slipstream',
    family: 'uniswap-v3',
    name: 'Aerodrome Slipstream',
    deployments: [{ chainId: BASE, factories: [a('0x5e7BB104d84c7CB9B682AaC2F3d509f5F406809A')] }], // [velo]
  },
  { id: 'uniswap-v3-fork', family: 'uniswap-v3', name: 'Uniswap V3-style pool (unattributed)', deployments: [] },
  // ---- own-topic families ---------------------------------------------------------------------------------------
  {
    id: 'pancakeswap-v3',
    family: 'pancakeswap-v3',
    name: 'PancakeSwap V3',
    deployments: on([BNB_CHAIN, ETHEREUM, ARBITRUM, BASE], {
      factories: [a('0x0BFbCF9fa4f9C56B0F40a671Ad40E0805A091865')], // [cake]
      // PancakeSwap V3 deploys through its pool deployer, with its own fee tiers. [c2]
      poolAddressing: {
        scheme: 'fee-tier',
        deployer: a('0x41ff9AA7e16B8B1a8a8dc4f0eFacd93D02d071c9'),
        initCodeHash: '0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2',
        fees: [100, 500, 2500, 10000],
      },
    }),
  },
  { id: 'pancakeswap-v3-fork', family: 'pancakeswap-v3', name: 'PancakeSwap V3-style pool (unattributed)', deployments: [] },
  { id: 'quickswap-v4', family: 'algebra-integral', name: 'QuickSwap V4 (Algebra Integral)', deployments: on([BASE]) },
  { id: 'algebra-integral', family: 'algebra-integral', name: 'Algebra Integral (unattributed)', deployments: [] },
  {
    id: 'uniswap-v4',
    family: 'uniswap-v4',
    name: 'Uniswap V4',
    deployments: [
      { chainId: ETHEREUM, singletons: [a('0x000000000004444c5dc75cB358380D2e3dE08A90')] }, // [ref][uv4]
      { chainId: OPTIMISM, singletons: [a('0x9a13f98Cb987694C9F086b1F5eB990EeA8264Ec3')] }, // [ref][uv4]
      { chainId: POLYGON, singletons: [a('0x67366782805870060151383F4BbFF9daB53e5cD6')] }, // [ref]
      { chainId: BASE, singletons: [a('0x498581fF718922c3f8e6A244956aF099B2652b2b')] }, // [ref]
      { chainId: ARBITRUM, singletons: [a('0x360E68faCcca8cA495c1B759Fd9EEe466db9FB32')] }, // [ref]
      { chainId: BNB_CHAIN, singletons: [a('0x28e2Ea090877bF75740558f6BFB36A5ffeE9e9dF')] }, // [uv4]
    ],
  },
  {
    id: 'velodrome-v2',
    family: 'solidly-v2',
    name: 'Velodrome V2',
    deployments: [solidlyPools(OPTIMISM, '0xF1046053aa5682b4F9a81b5481394DA16BE5FF5a', '0x95885Af5492195F0754bE71AD1545Fe81364E531')], // [velo] [c2]
  },
  {
    id: 'aerodrome-v2',
    family: 'solidly-v2',
    name: 'Aerodrome (basic pools)',
    deployments: [solidlyPools(BASE, '0x420DD381b31aEf6683db6B902084cB0FFECe40Da', '0xA4e46b4f701c62e14DF11B48dCe76A7d793CD6d7')], // [velo] [c2]
  },
  { id: 'solidly-v2', family: 'solidly-v2', name: 'Solidly V2 fork (unattributed)', deployments: [] },
  {
    id: 'curve',
    family: 'curve',
    name: 'Curve',
    deployments: on([ETHEREUM, OPTIMISM, BNB_CHAIN, GNOSIS, BASE, ARBITRUM, POLYGON, AVALANCHE]),
  },
  {
    id: 'balancer-v2',
    family: 'balancer-v2',
    name: 'Balancer V2',
    deployments: on([ETHEREUM, OPTIMISM, GNOSIS, POLYGON, BASE, ARBITRUM, AVALANCHE], {
      singletons: [a('0xBA12222222228d8Ba445958a75a0704d566BF2C8')], // [ref]: same address on every chain
    }),
  },
  {
    id: 'balancer-v3',
    family: 'balancer-v3',
    name: 'Balancer V3',
    deployments: on([ETHEREUM, BASE, ARBITRUM, GNOSIS], {
      singletons: [a('0xbA1333333333a1BA1108E8412f11850A5C319bA9')], // [ref]
    }),
  },
  // ---- families decoded by the other engineer's decoders -----------------------------------------------------------
  { id: 'trader-joe-lb', family: 'trader-joe-lb', name: 'Trader Joe Liquidity Book', deployments: on([ARBITRUM, AVALANCHE, BNB_CHAIN]) },
  { id: 'maverick-v1', family: 'maverick-v1', name: 'Maverick V1', deployments: on([ETHEREUM, BASE, BNB_CHAIN, ARBITRUM]) },
  { id: 'maverick-v2', family: 'maverick-v2', name: 'Maverick V2', deployments: on([ETHEREUM, BASE, BNB_CHAIN, ARBITRUM]) },
  { id: 'dodo-v2', family: 'dodo-v2', name: 'DODO V2', deployments: on([POLYGON, ETHEREUM, BNB_CHAIN, ARBITRUM]) },
  { id: 'kyberswap-classic', family: 'kyberswap-classic', name: 'KyberSwap Classic (DMM)', deployments: on([ETHEREUM]) },
  {
    id: 'cow-protocol',
    family: 'cow-protocol',
    name: 'CoW Protocol',
    deployments: on([ETHEREUM, BNB_CHAIN, GNOSIS, POLYGON, ARBITRUM, BASE], {
      singletons: [a('0x9008D19f58AAbD9eD0D60971565AA8510560ab41')], // [ref] GPv2Settlement
    }),
  },
  {
    id: 'zeroex',
    family: 'zeroex',
    name: '0x Exchange Proxy',
    deployments: [
      ...on([ETHEREUM, POLYGON, BASE, ARBITRUM], { singletons: [a('0xDef1C0ded9bec7F1a1670819833240f027b25EfF')] }), // [ref]
      { chainId: OPTIMISM, singletons: [a('0xdef1abe32c034e558cdd535791643c58a13acc10')] }, // [ref]
    ],
  },
  {
    id: '1inch-v4',
    family: 'aggregator-swapped',
    name: '1inch AggregationRouterV4',
    deployments: on([POLYGON, ETHEREUM], { singletons: [a('0x1111111254fb6c44bAC0beD2854e76F90643097d')] }), // [ref]
  },
  {
    id: 'kyberswap-aggregator',
    family: 'aggregator-swapped',
    name: 'KyberSwap MetaAggregationRouterV2',
    deployments: on([ETHEREUM, OPTIMISM, POLYGON, BASE, ARBITRUM], {
      singletons: [a('0x6131B5fae19EA4f9D964eAc0408E4408b66337b5')], // [ref]
    }),
  },
];
