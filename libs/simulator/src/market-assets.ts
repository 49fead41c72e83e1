import { DEFAULT_TOKENS, type TokenInfo } from '@hyperdex/risk-core';

/** Where each simulated asset starts, in USD per whole token; stablecoins start at 1. */
export const START_PRICES_USD: Readonly<Record<string, string>> = { WETH: '3000', WBTC: '65000', WBNB: '600', WPOL: '0.5' };

/** The DEXs the demo traders use on each chain (ids of the DEX registry). */
export const DEXS_BY_CHAIN: Readonly<Record<number, readonly string[]>> = {
  1: ['uniswap-v3', 'uniswap-v2', 'sushiswap-v2', 'curve', 'balancer-v2'],
  42161: ['uniswap-v3', 'camelot-v3', 'sushiswap-v3'],
  8453: ['aerodrome-slipstream', 'uniswap-v3'],
  10: ['velodrome-v2', 'uniswap-v3'],
  137: ['quickswap-v3', 'uniswap-v3'],
  56: ['pancakeswap-v3', 'pancakeswap-v2'],
};

export interface MarketToken extends TokenInfo {
  /** The price path it follows: its symbol for volatile tokens, its own symbol for a stablecoin. */
  asset: string;
}

/** Every token of the default registry that the simulator prices and trades: the ERC-20s of the chains above. */
export function marketTokens(): MarketToken[] {
  return DEFAULT_TOKENS.filter((t) => DEXS_BY_CHAIN[t.chainId] && (t.stablecoin || START_PRICES_USD[t.symbol] !== undefined) && !t.address.startsWith('0xeeee')).map((t) => ({
    ...t,
    asset: t.symbol,
  }));
}
