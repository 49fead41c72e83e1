import { z } from 'zod';
import { chainId } from '../primitives/primitives.schema';

const HEX_QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/i;
const hexQuantity = z.string().regex(HEX_QUANTITY, 'must be a 0x-prefixed hex quantity such as "0x1b4"');
const hexData = z.string().regex(/^0x([0-9a-fA-F]{2})*$/, 'must be 0x-prefixed hex bytes');
const word = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a 0x-prefixed 32-byte hex word');
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address');

/** One log exactly as `eth_getTransactionReceipt` returns it (extra JSON-RPC fields are allowed and ignored). */
export const ReceiptLogSchema = z.looseObject({
  address,
  topics: z.array(word).max(4, 'must hold at most 4 topics'),
  data: hexData,
  logIndex: hexQuantity,
  removed: z.boolean().optional(),
});

/** A transaction receipt as `eth_getTransactionReceipt` returns it; the fields the decoder needs are checked. */
export const TransactionReceiptSchema = z.looseObject({
  transactionHash: word,
  from: address,
  to: address.nullable().optional(),
  blockNumber: hexQuantity,
  status: hexQuantity.optional(),
  gasUsed: hexQuantity.optional(),
  effectiveGasPrice: hexQuantity.optional(),
  /** OP-stack chains (Optimism, Base): the L1 data fee in wei, paid on top of gasUsed × effectiveGasPrice. */
  l1Fee: hexQuantity.nullable().optional(),
  logs: z.array(ReceiptLogSchema).max(5000, 'must hold at most 5000 logs'),
});

/** A receipt with what the log does not carry: its chain and its block's timestamp (seconds, as chains report it). */
export const ChainReceiptSchema = z.strictObject({
  chainId,
  blockTimestamp: z
    .number()
    .int('must be an integer number of seconds')
    .min(1_438_269_973, 'must be a block timestamp in seconds (Ethereum genesis or later)')
    .max(100_000_000_000, 'must be seconds, not milliseconds'),
  receipt: TransactionReceiptSchema,
});

export const ChainReceiptBatchSchema = z.strictObject({
  receipts: z.array(ChainReceiptSchema).min(1, 'must hold at least one receipt'),
});

export type ChainReceipt = z.infer<typeof ChainReceiptSchema>;

/** Per receipt: what it produced and what was refused, so a caller can reconcile every swap log. */
export interface ChainReceiptOutcome {
  transactionHash: string;
  trades: string[];
  retractions: string[];
  /** Trades not produced because one of the receipt's swap logs was rejected (see `rejected`); resend once fixed. */
  withheld: string[];
  prices: number;
  rejected: Array<{ logIndex: number; reason: string }>;
}

export interface ChainReceiptsResponse {
  receipts: ChainReceiptOutcome[];
}

/** Receipts are keyed by transaction, so redeliveries of one receipt stay in order. */
export const chainReceiptKey = (r: Pick<ChainReceipt, 'chainId' | 'receipt'>): string => `${r.chainId}:${r.receipt.transactionHash.toLowerCase()}`;
