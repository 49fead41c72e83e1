import { tokenKey, type TokenKey } from '../tokens/token-key';

export interface TokenBalance {
  chainId: number;
  token: string;
  /** Base units; negative when the trades seen so far sold more than they bought. */
  balance: bigint;
}

export interface SwapLegs {
  chainId: number;
  tokenIn: string;
  tokenOut: string;
  amountIn: string;
  amountOut: string;
}

/** The balance changes a swap causes: the user pays `amountIn` of `tokenIn` and receives `amountOut` of `tokenOut`. */
export function swapDeltas(swap: SwapLegs): TokenBalance[] {
  return [
    { chainId: swap.chainId, token: swap.tokenIn, balance: -BigInt(swap.amountIn) },
    { chainId: swap.chainId, token: swap.tokenOut, balance: BigInt(swap.amountOut) },
  ];
}

/** One user's balances per token, in exact integer base units. */
export class UserBalances {
  private readonly balances = new Map<TokenKey, TokenBalance>();

  constructor(initial: Iterable<TokenBalance> = []) {
    for (const b of initial) this.balances.set(tokenKey(b.chainId, b.token), { ...b });
  }

  apply(deltas: Iterable<TokenBalance>): void {
    for (const delta of deltas) {
      const key = tokenKey(delta.chainId, delta.token);
      const current = this.balances.get(key);
      const next = (current?.balance ?? 0n) + delta.balance;
      this.balances.set(key, { chainId: delta.chainId, token: delta.token, balance: next });
    }
  }

  applySwap(swap: SwapLegs): void {
    this.apply(swapDeltas(swap));
  }

  holds(chainId: number, token: string): boolean {
    return this.balances.has(tokenKey(chainId, token));
  }

  get(chainId: number, token: string): bigint {
    return this.balances.get(tokenKey(chainId, token))?.balance ?? 0n;
  }

  entries(): TokenBalance[] {
    return [...this.balances.values()].map((b) => ({ ...b }));
  }
}
