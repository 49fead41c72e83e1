import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded receipt as the dex fixtures keep it (the node serves it unchanged). */
export interface ServedReceipt {
  readonly transactionHash: string;
}

/**
 * A local JSON-RPC node serving, per chain (`<url>/<chainId>`), blocks `fromBlock`…`fromBlock + blocks - 1`, each
 * holding the same recorded receipts: what a follower catching up reads. Headers (hash, parent, time) are made up and
 * chained; the receipts are the recordings. Answers `eth_blockNumber`, `eth_getBlockByNumber`, `eth_getBlockReceipts`.
 */
export class RecordedChainNode {
  private server?: Server;
  private readonly bodies = new Map<number, string>();

  constructor(
    private readonly receiptsByChain: ReadonlyMap<number, readonly ServedReceipt[]>,
    private readonly fromBlock: number,
    private readonly blocks: number,
  ) {
    // Each chain's block receipts serialised once: the node's cost should not be what is measured.
    for (const [chainId, receipts] of receiptsByChain) this.bodies.set(chainId, JSON.stringify(receipts));
  }

  get head(): number {
    return this.fromBlock + this.blocks - 1;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const chainId = Number((req.url ?? '/').slice(1));
        const request = JSON.parse(body) as { id: number; method: string; params: unknown[] };
        res.setHeader('content-type', 'application/json');
        res.end(this.answer(chainId, request.id, request.method, request.params));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(chainId: number, id: number, method: string, params: readonly unknown[]): string {
    const reply = (result: string) => `{"jsonrpc":"2.0","id":${id},"result":${result}}`;
    const hex = (n: number) => `0x${n.toString(16)}`;
    const hash = (n: number) => `"0x${chainId.toString(16).padStart(8, '0')}${n.toString(16).padStart(56, '0')}"`;
    const receipts = this.bodies.get(chainId);
    if (receipts === undefined) return `{"jsonrpc":"2.0","id":${id},"error":{"code":-32602,"message":"unknown chain ${chainId}"}}`;
    if (method === 'eth_blockNumber') return reply(`"${hex(this.head)}"`);
    const number = Number(BigInt(params[0] as string));
    if (number < this.fromBlock || number > this.head) return reply('null');
    if (method === 'eth_getBlockReceipts') return reply(receipts);
    if (method === 'eth_getBlockByNumber') {
      const transactions = (this.receiptsByChain.get(chainId) ?? []).map((r) => r.transactionHash);
      return reply(JSON.stringify({ number: hex(number), timestamp: hex(1_750_000_000 + number * 12), transactions }).replace('{', `{"hash":${hash(number)},"parentHash":${hash(number - 1)},`));
    }
    return `{"jsonrpc":"2.0","id":${id},"error":{"code":-32601,"message":"method ${method} not found"}}`;
  }
}
