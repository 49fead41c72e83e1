import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_TOKEN, type ChainReceipt, type ExposureUpdate } from '@hyperdex/contracts';
import { RecordingSocket, tokenFor, waitUntil } from './support/clients';
import { scrape, valueOf } from './support/prometheus';
import { CHAIN_NODE_PORT, PORTS, ROOT } from './support/stack-env';

/*
 * Ingestion follows chain 1 at a local JSON-RPC node (CHAIN_FOLLOW in the suite's environment, from block 100, no
 * confirmations). This suite serves that node: block 101 holds a real recorded receipt (rotki test_balancer_v2_swap:
 * 0.001 ETH → 1.207092929058998715 DAI through the Balancer V2 Vault, block time 2022, so no price is published), and
 * a staged reorg then replaces block 101. Headers are made up; the receipt is as recorded. The trade travels the real
 * path: follower → chain ingestion → Kafka → positions → gateway socket; the reorg's retraction the same way.
 */
const recorded = JSON.parse(readFileSync(path.join(ROOT, 'libs/dex/src/families/balancer-v2/fixtures/ethereum-0x35dd639b.json'), 'utf8')) as ChainReceipt;
const RECEIPT = recorded.receipt;
const USER = '0x20a1cf262cd3a42a50d226fd728104119e6fd0a1';
const TRADE = `1:${RECEIPT.transactionHash}:200`;
const DAI = '0x6b175474e89094c44da98b954eedeac495271d0f';

interface Block {
  readonly hash: string;
  readonly parentHash: string;
  readonly receipts: readonly ChainReceipt['receipt'][];
}
const hash = (tag: string) => `0x${tag.padStart(64, '0')}`;

class ChainNode {
  readonly blocks = new Map<number, Block>();
  private server?: Server;

  set(number: number, tag: string, parentTag: string, receipts: readonly ChainReceipt['receipt'][]): void {
    this.blocks.set(number, { hash: hash(tag), parentHash: hash(parentTag), receipts });
  }

  private answer(method: string, params: readonly unknown[]): unknown {
    const hex = (n: number) => `0x${n.toString(16)}`;
    if (method === 'eth_blockNumber') return hex(Math.max(...this.blocks.keys()));
    const number = Number(BigInt(params[0] as string));
    const block = this.blocks.get(number);
    if (!block) return null;
    if (method === 'eth_getBlockReceipts') return block.receipts;
    // eth_getBlockByNumber
    return { number: hex(number), hash: block.hash, parentHash: block.parentHash, timestamp: hex(recorded.blockTimestamp + number), transactions: block.receipts.map((r) => r.transactionHash) };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const request = JSON.parse(body) as { id: number; method: string; params: unknown[] };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: this.answer(request.method, request.params) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(CHAIN_NODE_PORT, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const exposureAfter = (socket: RecordingSocket, match: (cause: ExposureUpdate['cause']) => boolean) =>
  socket.waitFor<ExposureUpdate>('exposure', (e) => match(e.cause));

describe('chain follower (ingestion following a local JSON-RPC node)', () => {
  jest.setTimeout(60_000);
  const node = new ChainNode();
  let socket: RecordingSocket;

  beforeAll(async () => {
    socket = await RecordingSocket.connect(tokenFor(USER));
  });
  afterAll(async () => {
    socket?.close();
    await node.stop();
  });

  it('books the swap of a followed block for its sender, through Kafka to the sender’s socket', async () => {
    node.set(100, 'a0', 'ff', []);
    node.set(101, 'a1', 'a0', [RECEIPT]);
    await node.start();
    const exposure = await exposureAfter(socket, (c) => c.kind === 'trade' && c.tradeId === TRADE);
    expect(exposure.positions.find((p) => p.token === DAI)?.balance).toBe('1207092929058998715');
    // The Vault wrapped the sender's ETH: 0.001 ETH plus 0.001085530186197622 ETH of gas, as rotki books it.
    expect(exposure.positions.find((p) => p.token === NATIVE_TOKEN)?.balance).toBe('-2085530186197622');
    await waitUntil(async () => valueOf(await scrape(PORTS.ingestion), 'hyperdex_chain_follow_blocks_total', { chain: '1' }) >= 2, 'the follower to count blocks 100 and 101');
  });

  it('retracts the trade when a reorg orphans its block, and follows the canonical chain on', async () => {
    // The chain now has another block at 101 (without the swap) and a 102 on top of it.
    node.set(101, 'b1', 'a0', []);
    node.set(102, 'b2', 'b1', []);
    const exposure = await exposureAfter(socket, (c) => c.kind === 'retraction' && c.tradeId === TRADE);
    expect(exposure.positions.filter((p) => p.token === DAI || p.token === NATIVE_TOKEN)).toEqual([]);
    await waitUntil(async () => valueOf(await scrape(PORTS.ingestion), 'hyperdex_chain_follow_reorgs_total', { chain: '1' }) >= 1, 'the follower to count the reorg');
    // 100, the orphaned 101, then the canonical 101 and 102.
    await waitUntil(async () => valueOf(await scrape(PORTS.ingestion), 'hyperdex_chain_follow_blocks_total', { chain: '1' }) >= 4, 'the follower to ingest the canonical 101 and 102');
  });
});
