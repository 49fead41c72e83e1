/** A decoder family: contracts that emit the same swap event layout with the same meaning. */
export const DexFamilies = [
  'uniswap-v2',
  'uniswap-v3',
  'pancakeswap-v3',
  'algebra-integral',
  'uniswap-v4',
  'solidly-v2',
  'curve',
  'balancer-v2',
  'balancer-v3',
  'trader-joe-lb',
  'maverick-v1',
  'maverick-v2',
  'dodo-v2',
  'kyberswap-classic',
  'cow-protocol',
  'zeroex',
  'aggregator-swapped',
] as const;

export type DexFamilyId = (typeof DexFamilies)[number];
