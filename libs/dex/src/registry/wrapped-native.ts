import type { Address } from 'viem';

/**
 * Each chain's wrapped native coin (WETH9 and its clones: same `Deposit`/`Withdrawal` events, redeemable 1:1). Routers
 * wrap the coin a user sends before a pool sees it and unwrap it before paying the user. Addresses: risk-core's
 * default token registry; each one's Deposit/Withdrawal events also appear in recorded receipts under families/.
 */
export const WRAPPED_NATIVE: Readonly<Record<number, Address>> = {
  1: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', // WETH
  10: '0x4200000000000000000000000000000000000006', // WETH
  56: '0xbb4cdb9cbd36b01bd1cbaebf2de08d9173bc095c', // WBNB
  100: '0xe91d153e0b41518a2ce8dd3d7944fa863463a97d', // WXDAI
  137: '0x0d500b1d8e8ef31e21c99d1db9a6444d3adf1270', // WPOL
  8453: '0x4200000000000000000000000000000000000006', // WETH
  42161: '0x82af49447d8a07e3bd95bd0d56f35241523fbab1', // WETH
  43114: '0xb31f66aa3c1e785363f0875a1b74e27b85fd66c7', // WAVAX
};
