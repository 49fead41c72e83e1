export interface TokenInfo {
  chainId: number;
  /** Lower-case contract address. */
  address: string;
  symbol: string;
  decimals: number;
  /** Pegged to USD; the stablecoin/volatile split of exposure reads this. */
  stablecoin: boolean;
}
