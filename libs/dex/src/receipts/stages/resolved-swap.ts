import type { Address } from 'viem';

/** A swap with its tokens resolved and its trader attributed: one leg of what the user did in the transaction. */
export interface ResolvedSwap {
  readonly logIndex: number;
  readonly dexId: string;
  readonly level: 'pool' | 'aggregator';
  readonly user: Address;
  readonly venue: Address;
  readonly tokenIn: Address;
  readonly amountIn: bigint;
  readonly tokenOut: Address;
  readonly amountOut: bigint;
  readonly eventSender?: Address;
  readonly eventRecipient?: Address;
  /** A fee the event reports inside `amountIn` (CoW `feeAmount`), with its token resolved. */
  readonly fee?: { readonly token: Address; readonly amount: bigint };
}

/** A swap whose tokens are resolved but whose trader is not decided yet: the trader stage's input. */
export type PricedSwap = Omit<ResolvedSwap, 'user'> & {
  /** The trader the event itself names (CoW owner, 0x taker, aggregator sender), if any. */
  readonly namedTrader?: Address;
};
