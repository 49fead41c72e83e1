import type { Address, Hex } from 'viem';
import type { RawLog } from '../core/raw-log';

/** A receipt in the decoder's terms: lower-case addresses, numbers decoded, the block time in ms. */
export interface NormalizedReceipt {
  readonly chainId: number;
  readonly timestampMs: number;
  readonly transactionHash: Hex;
  readonly from: Address;
  readonly blockNumber: number;
  /**
   * What the sender paid for the transaction, in wei of the native coin: gasUsed × effectiveGasPrice, plus the L1 data
   * fee OP-stack chains (Optimism, Base) charge on top and state in the receipt as `l1Fee`. Null without both.
   */
  readonly gasFeeWei: bigint | null;
  /** False for a reverted transaction (status 0x0): its logs never happened. */
  readonly succeeded: boolean;
  readonly logs: readonly RawLog[];
}

export interface ReceiptInput {
  readonly chainId: number;
  readonly blockTimestamp: number;
  readonly receipt: {
    readonly transactionHash: string;
    readonly from: string;
    readonly blockNumber: string;
    readonly status?: string | undefined;
    readonly gasUsed?: string | undefined;
    readonly effectiveGasPrice?: string | undefined;
    readonly l1Fee?: string | null | undefined;
    readonly logs: ReadonlyArray<{ readonly address: string; readonly topics: readonly string[]; readonly data: string; readonly logIndex: string; readonly removed?: boolean | undefined }>;
  };
}

/** JSON-RPC shapes (hex quantities, checksummed addresses) to the decoder's; the input was validated upstream. */
export function normalizeReceipt(input: ReceiptInput): NormalizedReceipt {
  const r = input.receipt;
  const gasUsed = r.gasUsed === undefined ? null : BigInt(r.gasUsed);
  const gasPrice = r.effectiveGasPrice === undefined ? null : BigInt(r.effectiveGasPrice);
  const l1Fee = r.l1Fee === undefined || r.l1Fee === null ? 0n : BigInt(r.l1Fee);
  return {
    chainId: input.chainId,
    timestampMs: input.blockTimestamp * 1000,
    transactionHash: r.transactionHash.toLowerCase() as Hex,
    from: r.from.toLowerCase() as Address,
    blockNumber: Number(BigInt(r.blockNumber)),
    gasFeeWei: gasUsed !== null && gasPrice !== null ? gasUsed * gasPrice + l1Fee : null,
    succeeded: r.status === undefined || BigInt(r.status) === 1n,
    logs: r.logs.map((log) => ({
      address: log.address.toLowerCase() as Address,
      topics: log.topics.map((t) => t.toLowerCase() as Hex),
      data: log.data.toLowerCase() as Hex,
      logIndex: Number(BigInt(log.logIndex)),
      removed: log.removed === true,
    })),
  };
}
