import type { Address } from 'viem';
import type { Trade, TradeFee } from '@hyperdex/contracts';
import type { NormalizedReceipt } from '../normalized-receipt';
import type { ResolvedSwap } from './resolved-swap';

/** A fee on top of a trade's amounts, in base units of `token`. */
export interface DraftFee {
  readonly kind: TradeFee['kind'];
  readonly token: Address;
  readonly amount: bigint;
}

/**
 * One route of one user between the stages: the adjusters each return a new draft, never change one, and only the
 * last step writes the `Trade` contract (amounts as strings).
 */
export interface DraftTrade {
  readonly user: Address;
  /** The swaps the trade stands for (one summary, or a route's pool hops). */
  readonly route: readonly ResolvedSwap[];
  /** The user's only trade in the receipt: their wallet's flows belong to it alone and can be compared with it. */
  readonly alone: boolean;
  /** The receipt's aggregator summaries are its trades: they name the native coin themselves. */
  readonly viaSummary: boolean;
  readonly tokenIn: Address;
  /** What left the user in `tokenIn`, including `feeInside`. */
  readonly paid: bigint;
  readonly tokenOut: Address;
  readonly received: bigint;
  /** A fee the event counts inside what was paid (CoW): not exchanged, so booked beside `amountIn`. */
  readonly feeInside: bigint;
  readonly fees: readonly DraftFee[];
  readonly completedFromTransfers: boolean;
  /** Set when the receipt cannot say what the user traded: the trade is held back with this reason. */
  readonly withheldReason?: string;
}

export const firstHop = (route: readonly ResolvedSwap[]): ResolvedSwap =>
  route.reduce((a, b) => (b.logIndex < a.logIndex ? b : a));

export const lastHop = (route: readonly ResolvedSwap[]): ResolvedSwap =>
  route.reduce((a, b) => (b.logIndex > a.logIndex ? b : a));

/** The draft as the `Trade` contract writes it, with id `chainId:txHash:<first hop logIndex>`. */
export function tradeOfDraft(receipt: NormalizedReceipt, draft: DraftTrade): Trade {
  const first = firstHop(draft.route);
  const last = lastHop(draft.route);
  const fees = draft.fees.map((fee) => ({ kind: fee.kind, token: fee.token, amount: fee.amount.toString() }));
  return {
    kind: 'swap',
    tradeId: `${receipt.chainId}:${receipt.transactionHash}:${first.logIndex}`,
    userId: draft.user,
    chainId: receipt.chainId,
    dex: first.dexId,
    tokenIn: draft.tokenIn,
    tokenOut: draft.tokenOut,
    amountIn: (draft.paid - draft.feeInside).toString(),
    amountOut: draft.received.toString(),
    ...(fees.length > 0 ? { fees } : {}),
    timestamp: receipt.timestampMs,
    origin: {
      txHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      logIndexes: draft.route.map((s) => s.logIndex).sort((a, b) => a - b),
      txFrom: receipt.from,
      ...(first.eventSender ? { eventSender: first.eventSender } : {}),
      ...(last.eventRecipient ? { eventRecipient: last.eventRecipient } : {}),
      venues: [...new Set(draft.route.map((s) => s.venue))],
      ...(draft.completedFromTransfers ? { completedFromTransfers: true } : {}),
    },
  };
}

/** The draft with one more fee. */
export const withFee = (draft: DraftTrade, fee: DraftFee): DraftTrade => ({ ...draft, fees: [...draft.fees, fee] });
