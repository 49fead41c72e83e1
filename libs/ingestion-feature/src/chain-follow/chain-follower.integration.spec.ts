import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChainReceipt } from '@hyperdex/contracts';
import { createLogger } from '@hyperdex/observability';
import { runMigrations } from '@hyperdex/persistence';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ChainReceiptDecoder } from '../chain-receipt-decoder';
import { ChainFollower, type ChainFollowerOptions, type FollowerMetrics } from './chain-follower';
import type { FollowedTradeRef } from './follow-cursor';
import type { FollowedReceiptSink } from './followed-receipt-sink';
import { JsonRpcBlockSource } from './json-rpc-block-source';
import { PgFollowCursorStore } from './pg-follow-cursor.store';

/*
 * No chain node is reachable here, so a local JSON-RPC server serves a chain segment: blocks 100–104 of chain 1 built
 * around real recorded mainnet receipts (the dex family fixtures, copied from rotki/test-caching cassettes). The block
 * headers are made up (hashes, parents, times); the receipts are as recorded. The cursor store is the real
 * PostgreSQL on this machine, in a database of its own.
 */
type Receipt = ChainReceipt['receipt'] & { transactionHash: string };
const recorded = (family: string, file: string): { receipt: Receipt; blockTimestamp: number } => {
  const fixture = JSON.parse(readFileSync(path.join(__dirname, '../../../dex/src/families', family, 'fixtures', file), 'utf8')) as { receipt: Receipt; blockTimestamp: number | null };
  return { receipt: fixture.receipt, blockTimestamp: fixture.blockTimestamp ?? 1_700_000_000 };
};
const UNISWAP_V2 = recorded('uniswap-v2', 'ethereum-0x67cf6c4c.json');
const CURVE = recorded('curve', 'ethereum-0xaa176ce7.json');
const UNISWAP_V4 = recorded('uniswap-v4', 'ethereum-0x4a3d3205.json');
const BALANCER = recorded('balancer-v2', 'ethereum-0x35dd639b.json');
/** A receipt without a swap (the V2 receipt's logs cut to its first transfer): the follower skips it. */
const NO_SWAP: Receipt = { ...UNISWAP_V2.receipt, transactionHash: `0x${'77'.repeat(32)}`, logs: UNISWAP_V2.receipt.logs.slice(0, 1) };

interface Block {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
  receipts: Receipt[];
}
const hash = (tag: string) => `0x${tag.padStart(64, '0')}`;

class ChainNodeStandIn {
  blocks = new Map<number, Block>();
  head = 0;
  blockReceipts = true;
  httpRequests = 0;
  readonly methods: string[] = [];
  private server?: Server;
  private sockets?: WebSocketServer;
  private readonly subscribers = new Set<WebSocket>();

  chain(...blocks: Array<[number, string, Receipt[]]>): this {
    for (const [number, tag, receipts] of blocks) {
      const parent = this.blocks.get(number - 1);
      this.blocks.set(number, { number, hash: hash(tag), parentHash: parent?.hash ?? hash('ff'), timestamp: UNISWAP_V2.blockTimestamp + number, receipts });
      this.head = Math.max(this.head, number);
    }
    return this;
  }

  private answer(method: string, params: unknown[]): unknown {
    this.methods.push(method);
    const hex = (n: number) => `0x${n.toString(16)}`;
    if (method === 'eth_blockNumber') return { result: hex(this.head) };
    if (method === 'eth_getBlockByNumber') {
      const block = this.blocks.get(Number(BigInt(params[0] as string)));
      if (!block) return { result: null };
      return { result: { number: hex(block.number), hash: block.hash, parentHash: block.parentHash, timestamp: hex(block.timestamp), transactions: block.receipts.map((r) => r.transactionHash) } };
    }
    if (method === 'eth_getBlockReceipts') {
      if (!this.blockReceipts) return { error: { code: -32601, message: 'the method eth_getBlockReceipts does not exist' } };
      return { result: this.blocks.get(Number(BigInt(params[0] as string)))?.receipts ?? null };
    }
    if (method === 'eth_getTransactionReceipt') {
      const receipt = [...this.blocks.values()].flatMap((b) => b.receipts).find((r) => r.transactionHash === params[0]);
      return { result: receipt ?? null };
    }
    return { error: { code: -32601, message: `method ${method} not found` } };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.httpRequests++;
        const request = JSON.parse(body) as { id: number; method: string; params: unknown[] };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, ...(this.answer(request.method, request.params) as object) }));
      });
    });
    // The same node over WebSocket on the same port, with `eth_subscribe` to `newHeads`.
    this.sockets = new WebSocketServer({ server: this.server });
    this.sockets.on('connection', (socket) => {
      socket.on('message', (data: Buffer) => {
        const request = JSON.parse(data.toString()) as { id: number; method: string; params: unknown[] };
        if (request.method === 'eth_subscribe' && request.params[0] === 'newHeads') {
          this.subscribers.add(socket);
          socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: SUBSCRIPTION }));
          return;
        }
        socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, ...(this.answer(request.method, request.params) as object) }));
      });
      socket.on('close', () => this.subscribers.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** Tells every `newHeads` subscriber about the current head, as a node does when a block arrives. */
  pushHead(): void {
    const head = this.blocks.get(this.head) as Block;
    const notification = { jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: SUBSCRIPTION, result: { number: `0x${head.number.toString(16)}`, hash: head.hash, parentHash: head.parentHash } } };
    for (const socket of this.subscribers) socket.send(JSON.stringify(notification));
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets?.clients ?? []) socket.terminate();
    await new Promise<void>((resolve) => this.sockets?.close(() => resolve()));
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
const SUBSCRIPTION = '0x9ce59a13059e417087c02d3236a0b1cc';

/** The receipts through the same decoder as ingestion, recording what would be published (no broker in this spec). */
class DecodingSink implements FollowedReceiptSink {
  readonly decoder = ChainReceiptDecoder.create({}, new TokenRegistry());
  readonly ingested: string[] = [];
  readonly retracted: string[] = [];

  async ingestBlock(receipts: readonly ChainReceipt[]): Promise<FollowedTradeRef[]> {
    const trades = receipts.flatMap((receipt) => this.decoder.decodeLedger(receipt).trades);
    this.ingested.push(...trades.map((t) => t.tradeId));
    return trades.map((t) => ({ tradeId: t.tradeId, userId: t.userId, timestamp: t.timestamp }));
  }

  async retract(_chainId: number, trades: readonly FollowedTradeRef[]): Promise<void> {
    this.retracted.push(...trades.map((t) => t.tradeId));
  }
}

class CountingMetrics implements FollowerMetrics {
  lag = -1;
  blocks = 0;
  receipts = 0;
  reorgs = 0;
  headLag(_chainId: number, blocks: number): void {
    this.lag = blocks;
  }
  blockIngested(_chainId: number, receipts: number): void {
    this.blocks++;
    this.receipts += receipts;
  }
  reorg(): void {
    this.reorgs++;
  }
}

const DATABASE = 'hyperdex_chain_follow_test';
const connection = { host: process.env['DATABASE_HOST'] ?? '127.0.0.1', port: Number(process.env['DATABASE_PORT'] ?? 5432), user: process.env['DATABASE_USER'] ?? 'postgres', password: process.env['DATABASE_PASSWORD'] };
const admin = async (sql: string) => {
  const client = new Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const tradeId = (r: { receipt: Receipt }, logIndex: number) => `1:${r.receipt.transactionHash.toLowerCase()}:${logIndex}`;
const logger = createLogger('chain-follow-spec', 'fatal');
const OPTIONS: ChainFollowerOptions = { fromBlock: 100, confirmations: 0, watched: [], reorgDepth: 8, maxBlocksPerStep: 100 };

describe('chain follower (local JSON-RPC chain segment, real PostgreSQL cursor)', () => {
  let node: ChainNodeStandIn;
  let url: string;
  let pool: Pool;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin(`CREATE DATABASE ${DATABASE}`);
    // The tables are the migrations' (tools/db/migrate.cjs), as in a deployment.
    await runMigrations({ ...connection, database: DATABASE, poolSize: 2, ssl: false });
    pool = new Pool({ ...connection, database: DATABASE, max: 2 });
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  });
  beforeEach(async () => {
    node = new ChainNodeStandIn().chain([100, 'a0', [NO_SWAP]], [101, 'a1', [UNISWAP_V2.receipt]], [102, 'a2', []], [103, 'a3', [CURVE.receipt]]);
    url = await node.start();
    await pool.query('DELETE FROM chain_follow_cursor');
  });
  afterEach(() => node.stop());

  const follower = (sink: FollowedReceiptSink, metrics: FollowerMetrics, options: Partial<ChainFollowerOptions> = {}) =>
    new ChainFollower(new JsonRpcBlockSource(1, url), new PgFollowCursorStore(pool), sink, { ...OPTIONS, ...options }, metrics, logger);

  it('backfills from the given block, ingesting only receipts with swaps, and checkpoints the tip', async () => {
    const sink = new DecodingSink();
    const metrics = new CountingMetrics();
    expect(await follower(sink, metrics).step()).toBe(4);
    // rotki test_uniswap_v2_swap's route (first hop 511) and the curve spec's 3pool swap; block 100's receipt has no swap.
    expect(sink.ingested).toEqual([tradeId(UNISWAP_V2, 511), expect.stringContaining(`1:${CURVE.receipt.transactionHash.toLowerCase()}:`)]);
    expect(metrics).toMatchObject({ blocks: 4, receipts: 2, lag: 0 });
    const { rows } = await pool.query<{ block_number: string; block_hash: string }>('SELECT block_number, block_hash FROM chain_follow_cursor WHERE chain_id = 1');
    expect(rows).toEqual([{ block_number: '103', block_hash: hash('a3') }]);
  });

  it('resumes from the stored cursor after a restart: nothing ingested twice, new blocks followed', async () => {
    await follower(new DecodingSink(), new CountingMetrics()).step();
    node.chain([104, 'a4', [BALANCER.receipt]]);
    const restarted = new DecodingSink();
    expect(await follower(restarted, new CountingMetrics()).step()).toBe(1);
    expect(restarted.ingested).toHaveLength(1);
    expect(restarted.ingested[0]).toContain(BALANCER.receipt.transactionHash.toLowerCase());
  });

  it('waits for confirmations before ingesting a block', async () => {
    const sink = new DecodingSink();
    const metrics = new CountingMetrics();
    expect(await follower(sink, metrics, { confirmations: 2 }).step()).toBe(2);
    expect(metrics.lag).toBe(2);
  });

  it('on a reorg retracts the orphaned block’s trades and ingests the canonical chain from the common ancestor', async () => {
    const sink = new DecodingSink();
    const metrics = new CountingMetrics();
    const follow = follower(sink, metrics);
    await follow.step();
    const orphaned = sink.ingested.filter((id) => id.includes(CURVE.receipt.transactionHash.toLowerCase()));
    expect(orphaned).toHaveLength(1);
    // Block 103 is replaced by 103' holding the V4 swap instead; 104 builds on 103'.
    node.blocks.delete(103);
    node.chain([103, 'b3', [UNISWAP_V4.receipt]], [104, 'b4', []]);
    expect(await follow.step()).toBe(2);
    expect(sink.retracted).toEqual(orphaned);
    expect(sink.ingested.at(-1)).toContain(UNISWAP_V4.receipt.transactionHash.toLowerCase());
    expect(metrics.reorgs).toBe(1);
    const { rows } = await pool.query<{ recent: Array<{ number: number; hash: string }> }>('SELECT recent FROM chain_follow_cursor WHERE chain_id = 1');
    expect(rows[0]?.recent.map((b) => [b.number, b.hash])).toEqual([
      [100, hash('a0')],
      [101, hash('a1')],
      [102, hash('a2')],
      [103, hash('b3')],
      [104, hash('b4')],
    ]);
  });

  it('undoes a reorg of blocks ingested before a restart (the orphan’s trades come from the stored cursor)', async () => {
    await follower(new DecodingSink(), new CountingMetrics()).step();
    node.blocks.delete(103);
    node.chain([103, 'c3', []], [104, 'c4', []]);
    const restarted = new DecodingSink();
    await follower(restarted, new CountingMetrics()).step();
    expect(restarted.retracted).toHaveLength(1);
    expect(restarted.retracted[0]).toContain(CURVE.receipt.transactionHash.toLowerCase());
  });

  it('keeps only the watched addresses’ swaps', async () => {
    const sink = new DecodingSink();
    await follower(sink, new CountingMetrics(), { watched: [UNISWAP_V2.receipt.from] }).step();
    expect(sink.ingested).toHaveLength(1);
    expect(sink.ingested[0]).toContain(UNISWAP_V2.receipt.transactionHash.toLowerCase());
  });

  it('falls back to one eth_getTransactionReceipt per transaction on a node without eth_getBlockReceipts', async () => {
    node.blockReceipts = false;
    const sink = new DecodingSink();
    expect(await follower(sink, new CountingMetrics()).step()).toBe(4);
    expect(sink.ingested).toHaveLength(2);
    expect(node.methods.filter((m) => m === 'eth_getBlockReceipts')).toHaveLength(1);
    expect(node.methods).toContain('eth_getTransactionReceipt');
  });

  it('stops at a receipt the node serves malformed, naming it, and leaves the cursor before that block', async () => {
    node.blocks.set(101, { ...(node.blocks.get(101) as Block), receipts: [{ ...UNISWAP_V2.receipt, from: 'not-an-address' }] });
    const follow = follower(new DecodingSink(), new CountingMetrics());
    await expect(follow.step()).rejects.toThrow(/chain 1 eth_getBlockReceipts: receipt 0: from must be a 0x-prefixed 20-byte hex address/);
    const { rows } = await pool.query<{ block_number: string }>('SELECT block_number FROM chain_follow_cursor WHERE chain_id = 1');
    expect(rows).toEqual([{ block_number: '100' }]);
  });

  it('follows over WebSocket: the same blocks and trades as over HTTP, and wakes on a pushed new head', async () => {
    const source = new JsonRpcBlockSource(1, url.replace(/^http/, 'ws'));
    try {
      const sink = new DecodingSink();
      const follow = new ChainFollower(source, new PgFollowCursorStore(pool), sink, OPTIONS, new CountingMetrics(), logger);
      expect(await follow.step()).toBe(4);
      expect(sink.ingested).toEqual([tradeId(UNISWAP_V2, 511), expect.stringContaining(`1:${CURVE.receipt.transactionHash.toLowerCase()}:`)]);
      const heads: number[] = [];
      let pushed!: () => void;
      const arrived = new Promise<void>((resolve) => (pushed = resolve));
      expect(await source.watchHeads((number) => (heads.push(number), pushed()), () => undefined)).toBe(true);
      node.chain([104, 'a4', [BALANCER.receipt]]);
      node.pushHead();
      await arrived;
      expect(heads).toEqual([104]);
      expect(await follow.step()).toBe(1);
      expect(sink.ingested[2]).toContain(BALANCER.receipt.transactionHash.toLowerCase());
      // Every call went over the socket; no HTTP request reached the node.
      expect(node.httpRequests).toBe(0);
    } finally {
      await source.close();
    }
  });

  it('says an HTTP endpoint pushes no heads (the follower polls it)', async () => {
    expect(await new JsonRpcBlockSource(1, url).watchHeads(() => undefined, () => undefined)).toBe(false);
  });

  it('names the migrations when the cursor table was never created', async () => {
    const unmigrated = 'hyperdex_chain_follow_unmigrated';
    await admin(`DROP DATABASE IF EXISTS ${unmigrated}`);
    await admin(`CREATE DATABASE ${unmigrated}`);
    const bare = new Pool({ ...connection, database: unmigrated, max: 1 });
    try {
      await expect(new PgFollowCursorStore(bare).load(1)).rejects.toThrow('table chain_follow_cursor does not exist: run the database migrations');
    } finally {
      await bare.end();
      await admin(`DROP DATABASE IF EXISTS ${unmigrated}`);
    }
  });
});
