import type { Address } from 'viem';

/**
 * A swapped token as the event names it: either an address carried in the event itself, or a slot of the pool's
 * token list (token0/token1, Curve coins(i), LB tokenX/tokenY, Maverick tokenA/tokenB, V4 currency0/currency1) that
 * the pool resolver turns into an address. `underlying` selects Curve's underlying_coins list.
 */
export type TokenRef = { readonly address: Address } | { readonly slot: number; readonly underlying?: boolean };
