/** A swap as the position book needs it: what left the wallet, what arrived, and the fees on top. */
export interface SwapEntry {
  readonly kind: 'swap';
  readonly id: string;
  readonly chainId: number;
  readonly tokenIn: string;
  readonly amountIn: bigint;
  readonly tokenOut: string;
  readonly amountOut: bigint;
  readonly fees: readonly FeeEntry[];
  readonly timestamp: number;
}

export interface FeeEntry {
  readonly token: string;
  readonly amount: bigint;
}

/** Tokens moved in or out without a swap: changes the position at average cost and realizes nothing. */
export interface TransferEntry {
  readonly kind: 'transfer';
  readonly id: string;
  readonly chainId: number;
  readonly token: string;
  readonly direction: 'in' | 'out';
  readonly amount: bigint;
  readonly timestamp: number;
}

export type LedgerEntry = SwapEntry | TransferEntry;
