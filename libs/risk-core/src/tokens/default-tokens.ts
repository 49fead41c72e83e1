import { NATIVE_TOKEN as NATIVE } from '@hyperdex/contracts';
import type { TokenInfo } from './token-info';

const t = (chainId: number, address: string, symbol: string, decimals: number, stablecoin = false): TokenInfo => ({
  chainId,
  address: address.toLowerCase(),
  symbol,
  decimals,
  stablecoin,
});

/** The common tokens of the main chains. Decimals are from each token contract's `decimals()`. */
export const DEFAULT_TOKENS: readonly TokenInfo[] = [
  // Ethereum
  t(1, '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 'WETH', 18),
  t(1, '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', 'WBTC', 8),
  t(1, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'USDC', 6, true),
  t(1, '0xdAC17F958D2ee523a2206206994597C13D831ec7', 'USDT', 6, true),
  t(1, '0x6B175474E89094C44Da98b954EedeAC495271d0F', 'DAI', 18, true),
  // Arbitrum One
  t(42161, '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', 'WETH', 18),
  t(42161, '0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f', 'WBTC', 8),
  t(42161, '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', 'USDC', 6, true),
  t(42161, '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', 'USDT', 6, true),
  t(42161, '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', 'DAI', 18, true),
  // Base
  t(8453, '0x4200000000000000000000000000000000000006', 'WETH', 18),
  t(8453, '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', 'USDC', 6, true),
  // Optimism
  t(10, '0x4200000000000000000000000000000000000006', 'WETH', 18),
  t(10, '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', 'USDC', 6, true),
  t(10, '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', 'DAI', 18, true),
  // Polygon PoS
  t(137, '0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270', 'WPOL', 18),
  t(137, '0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619', 'WETH', 18),
  t(137, '0x1BFD67037B42Cf73acF2047067bd4F2C47D9BfD6', 'WBTC', 8),
  t(137, '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', 'USDC', 6, true),
  t(137, '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', 'USDT', 6, true),
  t(137, '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063', 'DAI', 18, true),
  // BNB Smart Chain (its USDT and USDC use 18 decimals)
  t(56, '0xbb4CdB9CBd36B01bD1cBaEBF2De08d9173bc095c', 'WBNB', 18),
  t(56, '0x55d398326f99059fF775485246999027B3197955', 'USDT', 18, true),
  t(56, '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d', 'USDC', 18, true),
  // Native coins, written as the 0xEeee…EEeE pseudo-address (gas fees and native legs of swaps).
  t(1, NATIVE, 'ETH', 18),
  t(42161, NATIVE, 'ETH', 18),
  t(8453, NATIVE, 'ETH', 18),
  t(10, NATIVE, 'ETH', 18),
  t(137, NATIVE, 'POL', 18),
  t(56, NATIVE, 'BNB', 18),
  t(43114, NATIVE, 'AVAX', 18),
  t(100, NATIVE, 'xDAI', 18, true),
];
