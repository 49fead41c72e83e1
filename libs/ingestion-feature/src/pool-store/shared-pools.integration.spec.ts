import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { encodeAbiParameters, encodeEventTopics } from 'viem';
import type { ChainReceipt } from '@hyperdex/contracts';
import { PoolTokenDirectory, UNISWAP_V4_INITIALIZE } from '@hyperdex/dex';
import { createLogger } from '@hyperdex/observability';
import { runMigrations } from '@hyperdex/persistence';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ChainReceiptDecoder } from '../chain-receipt-decoder';
import { ChainRpcClients } from '../chain-rpc-clients';
import { PoolMetadataResolver } from '../pool-metadata.resolver';
import { PgPoolStore } from './pg-pool.store';

/*
 * Pools known without luck: a replica that learned a pool shares it through the real PostgreSQL on this machine, and
 * a V4 PoolId nobody registered is found by `eth_getLogs` for its `Initialize` on a local JSON-RPC stand-in (no
 * network here). The receipts are recorded mainnet ones (dex family fixtures, from rotki/test-caching).
 */
const fixture = (family: string, file: string) =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../dex/src/families', family, 'fixtures', file), 'utf8')) as ChainReceipt & { blockTimestamp: number };
const V2_ROUTE = fixture('uniswap-v2', 'ethereum-0x67cf6c4c.json');
const V4_ETH_USDC = fixture('uniswap-v4', 'ethereum-0x4a3d3205.json');
const TRANSFER = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
const withoutTransfers = (r: ChainReceipt): ChainReceipt => ({ ...r, receipt: { ...r.receipt, logs: r.receipt.logs.filter((l) => l.topics[0] !== TRANSFER) } });

const POOL_MANAGER = '0x000000000004444c5dc75cb358380d2e3de08a90';
const POOL_ID = '0x00b9edc1583bf6ef09ff3a09f6c23ecb57fd7d0bb75625717ec81eed181e22d7';
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
/**
 * The PoolId's `Initialize` as a node returns it from `eth_getLogs`. Its currencies (native, USDC) are those the
 * static registry cites for this PoolId; fee, tick spacing, hooks and price are placeholders the decoder ignores.
 */
const initializeLog = (emitter: string) => ({
  address: emitter,
  topics: encodeEventTopics({ abi: [UNISWAP_V4_INITIALIZE.event], eventName: 'Initialize', args: { id: POOL_ID, currency0: '0x0000000000000000000000000000000000000000', currency1: USDC } }),
  data: encodeAbiParameters([{ type: 'uint24' }, { type: 'int24' }, { type: 'address' }, { type: 'uint160' }, { type: 'int24' }], [500, 10, '0x0000000000000000000000000000000000000000', 2n ** 96n, 0]),
  logIndex: '0x0',
  blockNumber: '0x1',
  removed: false,
});

class LogsNode {
  readonly requests: Array<{ method: string; params: unknown[] }> = [];
  logs: unknown[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const request = JSON.parse(body) as { id: number; method: string; params: unknown[] };
        this.requests.push({ method: request.method, params: request.params });
        const answer = request.method === 'eth_getLogs' ? { result: this.logs } : { error: { code: 3, message: 'execution reverted' } };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, ...answer }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const DATABASE = 'hyperdex_pool_store_test';
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
const logger = createLogger('pool-store-spec', 'fatal');
const emptyDecoder = () => new ChainReceiptDecoder(new PoolTokenDirectory([]), new TokenRegistry());

describe('pools shared by replicas (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PgPoolStore;

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin(`CREATE DATABASE ${DATABASE}`);
    // The tables are the migrations' (tools/db/migrate.cjs), as in a deployment.
    await runMigrations({ ...connection, database: DATABASE, poolSize: 2, ssl: false });
    pool = new Pool({ ...connection, database: DATABASE, max: 4 });
    store = new PgPoolStore(pool);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  });

  it('lets a replica decode a receipt whose pools another replica learned, without asking any endpoint', async () => {
    const first = emptyDecoder();
    const saved: Promise<void>[] = [];
    first.pools.onLearned((learned) => saved.push(store.save(learned)));
    expect(first.decode(V2_ROUTE).trades).toHaveLength(1);
    await Promise.all(saved);

    const second = emptyDecoder();
    expect(second.decode(withoutTransfers(V2_ROUTE)).trades).toEqual([]);
    await new PoolMetadataResolver(new ChainRpcClients(new Map()), logger, store).resolveUnknownPools(second, withoutTransfers(V2_ROUTE));
    const [trade] = second.decode(withoutTransfers(V2_ROUTE)).trades;
    expect(trade).toMatchObject({ tokenOut: '0x853d955acef822db058eb8505911ed77f175b99e', amountOut: '462967761432322996701' });
  });

  it('never drops a slot another replica stored when a replica that knows less saves', async () => {
    const address = '0x00000000000000000000000000000000000000a1';
    await store.save({ chainId: 1, address, tokens: ['0x00000000000000000000000000000000000000aa', '0x00000000000000000000000000000000000000bb'], source: 'rpc' });
    await store.save({ chainId: 1, address, tokens: ['0x00000000000000000000000000000000000000aa'], source: 'receipt-transfers' });
    expect((await store.find(1, address))?.tokens).toEqual(['0x00000000000000000000000000000000000000aa', '0x00000000000000000000000000000000000000bb']);
  });
});

describe('a V4 PoolId without Initialize in the receipt, over CHAIN_RPC_URLS', () => {
  let node: LogsNode;
  let rpc: ChainRpcClients;
  beforeEach(async () => {
    node = new LogsNode();
    rpc = new ChainRpcClients(new Map([[1, await node.start()]]));
  });
  afterEach(() => node.stop());

  it('asks eth_getLogs for the PoolId’s Initialize up to the receipt’s block, and decodes the swap (ETH → USDC)', async () => {
    node.logs = [initializeLog(POOL_MANAGER)];
    const decoder = emptyDecoder();
    await new PoolMetadataResolver(rpc, logger, null).resolveUnknownPools(decoder, V4_ETH_USDC);
    expect(node.requests).toEqual([
      {
        method: 'eth_getLogs',
        params: [{ address: POOL_MANAGER, topics: [UNISWAP_V4_INITIALIZE.topic0, POOL_ID], fromBlock: 'earliest', toBlock: `0x${Number(BigInt(V4_ETH_USDC.receipt.blockNumber)).toString(16)}` }],
      },
    ]);
    const { trades, rejected } = decoder.decode(V4_ETH_USDC);
    expect(rejected).toEqual([]);
    expect(trades[0]).toMatchObject({ tokenIn: '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', amountIn: '201453662983962514', tokenOut: USDC, amountOut: '930157818' });
  });

  it('learns nothing from an Initialize an impostor contract emitted', async () => {
    node.logs = [initializeLog('0x1111111111111111111111111111111111111111')];
    const decoder = emptyDecoder();
    await new PoolMetadataResolver(rpc, logger, null).resolveUnknownPools(decoder, V4_ETH_USDC);
    expect(decoder.decode(V4_ETH_USDC).rejected).toEqual([{ logIndex: 152, reason: expect.stringContaining(`unknown pool ${POOL_MANAGER} (${POOL_ID})`) }]);
  });
});
