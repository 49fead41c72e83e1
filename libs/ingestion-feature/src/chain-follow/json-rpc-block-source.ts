import { TransactionReceiptSchema, type ChainReceipt } from '@hyperdex/contracts';
import type { BlockSource, SourceBlock } from './block-source';
import { HttpRpcTransport } from './http-rpc-transport';
import type { RpcAnswer, RpcTransport } from './rpc-transport';
import { WebSocketRpcTransport } from './websocket-rpc-transport';

/** The endpoint could not answer (down, refusing, malformed): the follower retries the same block later. */
export class BlockSourceError extends Error {
  constructor(chainId: number, method: string, cause: unknown) {
    super(`chain ${chainId} ${method}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'BlockSourceError';
  }
}

interface RpcBlock {
  readonly number: string;
  readonly hash: string;
  readonly parentHash: string;
  readonly timestamp: string;
  readonly transactions: readonly string[];
}

const METHOD_MISSING = new Set([-32601, -32600]);

/** The transport a URL names: `ws://`/`wss://` a WebSocket, anything else HTTP. */
export const rpcTransportOf = (url: string, timeoutMs = 10_000): RpcTransport =>
  /^wss?:\/\//i.test(url) ? new WebSocketRpcTransport(url, timeoutMs) : new HttpRpcTransport(url, timeoutMs);

/**
 * A chain over JSON-RPC (HTTP or WebSocket): `eth_blockNumber`, `eth_getBlockByNumber`, and the block's receipts with
 * `eth_getBlockReceipts`, falling back to one `eth_getTransactionReceipt` per transaction on a node without it (the
 * fallback is remembered). Receipts are validated like those posted to `/v1/chain/receipts`.
 */
export class JsonRpcBlockSource implements BlockSource {
  private blockReceipts = true;
  private readonly transport: RpcTransport;

  constructor(
    readonly chainId: number,
    endpoint: string | RpcTransport,
  ) {
    this.transport = typeof endpoint === 'string' ? rpcTransportOf(endpoint) : endpoint;
  }

  /** New heads as the node pushes them, when its transport can (WebSocket); false when it cannot (poll only). */
  async watchHeads(onHead: (number: number) => void, onError: (error: unknown) => void): Promise<boolean> {
    if (!this.transport.watchHeads) return false;
    try {
      await this.transport.watchHeads(onHead, onError);
    } catch (error) {
      throw new BlockSourceError(this.chainId, 'eth_subscribe', error);
    }
    return true;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  async headNumber(): Promise<number> {
    return Number(BigInt(await this.call<string>('eth_blockNumber', [])));
  }

  async block(number: number): Promise<SourceBlock | null> {
    const block = await this.call<RpcBlock | null>('eth_getBlockByNumber', [`0x${number.toString(16)}`, false]);
    if (block === null) return null;
    return {
      number: Number(BigInt(block.number)),
      hash: block.hash.toLowerCase(),
      parentHash: block.parentHash.toLowerCase(),
      timestamp: Number(BigInt(block.timestamp)),
      transactions: block.transactions.map((tx) => tx.toLowerCase()),
    };
  }

  async receipts(block: SourceBlock): Promise<ChainReceipt['receipt'][]> {
    if (this.blockReceipts) {
      try {
        return this.validated('eth_getBlockReceipts', await this.call<unknown[]>('eth_getBlockReceipts', [`0x${block.number.toString(16)}`]));
      } catch (error) {
        if (!(error instanceof RpcMethodMissing)) throw error;
        this.blockReceipts = false;
      }
    }
    const receipts: unknown[] = [];
    for (const tx of block.transactions) receipts.push(await this.call<unknown>('eth_getTransactionReceipt', [tx]));
    return this.validated('eth_getTransactionReceipt', receipts);
  }

  private validated(method: string, receipts: readonly unknown[]): ChainReceipt['receipt'][] {
    return receipts.map((receipt, i) => {
      const parsed = TransactionReceiptSchema.safeParse(receipt);
      if (!parsed.success) throw new BlockSourceError(this.chainId, method, `receipt ${i}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
  }

  private async call<T>(method: string, params: readonly unknown[]): Promise<T> {
    let body: RpcAnswer;
    try {
      body = await this.transport.send(method, params);
    } catch (error) {
      throw new BlockSourceError(this.chainId, method, error);
    }
    if (body.error && METHOD_MISSING.has(body.error.code)) throw new RpcMethodMissing(this.chainId, method, body.error.message);
    if (body.error || !('result' in body)) throw new BlockSourceError(this.chainId, method, body.error?.message ?? 'no result');
    return body.result as T;
  }
}

class RpcMethodMissing extends BlockSourceError {}
