import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeFunctionResult, parseAbi, stringToHex, toFunctionSelector, type Hex } from 'viem';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChainReceipt } from '@hyperdex/contracts';
import { createLogger } from '@hyperdex/observability';
import { TokenRegistry } from '@hyperdex/risk-core';
import { ChainReceiptDecoder } from './chain-receipt-decoder';
import { ChainRpcClients, ChainRpcUnavailableError } from './chain-rpc-clients';
import { PoolMetadataResolver } from './pool-metadata.resolver';
import { TokenMetadataResolver } from './token-metadata.resolver';

/*
 * No chain node is reachable here, so a local HTTP server stands in for one: it answers `eth_call` the way nodes do
 * (ABI-encoded results, `execution reverted` errors, rate limits), so the resolvers run through viem's real
 * transport and codec. The answers are public mainnet facts (FRAX and FXS have 18 decimals; MKR's symbol is bytes32).
 */
type Answer = { result: Hex } | { error: { code: number; message: string } };

const ABI = parseAbi([
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function asset() view returns (address)',
]);
const selector = (signature: string): Hex => toFunctionSelector(signature);
const REVERT: Answer = { error: { code: 3, message: 'execution reverted' } };

const FRAX = '0x853d955acef822db058eb8505911ed77f175b99e';
const MKR = '0x9f8f72aa9304c8b593d555f12ef6589cc3a579a2';
const NOT_A_TOKEN = '0x000000000000000000000000000000000000dead';
const CONTROL_SYMBOL = '0x1111111111111111111111111111111111111111';

class ChainNodeStandIn {
  readonly calls: Array<{ to: string; data: string }> = [];
  private readonly answers = new Map<string, Answer>();
  private server?: Server;
  rateLimited = false;

  answer(to: string, data: Hex, answer: Answer): this {
    this.answers.set(`${to}:${data}`, answer);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const request = JSON.parse(body) as { id: number; method: string; params: [{ to: string; data: string }] };
        const [call] = request.params;
        this.calls.push({ to: call.to.toLowerCase(), data: call.data });
        const answer: Answer = this.rateLimited
          ? { error: { code: -32005, message: 'limit exceeded' } }
          : request.method === 'eth_call'
            ? (this.answers.get(`${call.to.toLowerCase()}:${call.data}`) ?? REVERT)
            : { error: { code: -32601, message: 'method not found' } };
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

const logger = createLogger('ingestion-spec', 'fatal');
let node: ChainNodeStandIn;
let rpc: ChainRpcClients;

beforeEach(async () => {
  node = new ChainNodeStandIn()
    .answer(FRAX, selector('decimals()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'decimals', result: 18 }) })
    .answer(FRAX, selector('symbol()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'symbol', result: 'FRAX' }) })
    .answer(MKR, selector('decimals()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'decimals', result: 18 }) })
    .answer(MKR, selector('symbol()'), { result: stringToHex('MKR', { size: 32 }) })
    .answer(CONTROL_SYMBOL, selector('decimals()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'decimals', result: 6 }) })
    .answer(CONTROL_SYMBOL, selector('symbol()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'symbol', result: '\u0007USD\u0000C ' }) });
  const url = await node.start();
  rpc = new ChainRpcClients(new Map([[1, url], [8453, url]]));
});
afterEach(() => node.stop());

describe('TokenMetadataResolver', () => {
  it('learns symbol and decimals of an unlisted token, registers them and returns them for publication', async () => {
    const registry = new TokenRegistry();
    const learned = await new TokenMetadataResolver(rpc, registry, logger).learn(1, [FRAX, FRAX]);
    expect(learned).toEqual([{ chainId: 1, address: FRAX, symbol: 'FRAX', decimals: 18, stablecoin: false, source: 'rpc' }]);
    expect(registry.get(1, FRAX)).toEqual({ chainId: 1, address: FRAX, symbol: 'FRAX', decimals: 18, stablecoin: false });
    expect(node.calls.filter((c) => c.to === FRAX)).toHaveLength(2);
  });

  it('reads a bytes32 symbol (MKR) and strips control characters from hostile ones', async () => {
    const learned = await new TokenMetadataResolver(rpc, new TokenRegistry(), logger).learn(1, [MKR, CONTROL_SYMBOL]);
    expect(learned.map((t) => [t.symbol, t.decimals])).toEqual([
      ['MKR', 18],
      ['USDC', 6],
    ]);
  });

  it('never asks about listed tokens, the native coin, or chains without an endpoint', async () => {
    const resolver = new TokenMetadataResolver(rpc, new TokenRegistry(), logger);
    expect(await resolver.learn(1, ['0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee'])).toEqual([]);
    expect(await resolver.learn(10, [FRAX])).toEqual([]);
    expect(node.calls).toEqual([]);
  });

  it('leaves a token that does not answer decimals() unknown, and does not ask again at once', async () => {
    const registry = new TokenRegistry();
    const resolver = new TokenMetadataResolver(rpc, registry, logger);
    expect(await resolver.learn(1, [NOT_A_TOKEN])).toEqual([]);
    expect(await resolver.learn(1, [NOT_A_TOKEN])).toEqual([]);
    expect(registry.get(1, NOT_A_TOKEN)).toBeUndefined();
    expect(node.calls).toEqual([{ to: NOT_A_TOKEN, data: selector('decimals()') }]);
  });

  it('throws ChainRpcUnavailableError when the endpoint rate-limits, rather than calling the token unknown', async () => {
    node.rateLimited = true;
    const resolver = new TokenMetadataResolver(rpc, new TokenRegistry(), logger);
    await expect(resolver.learn(1, [FRAX])).rejects.toBeInstanceOf(ChainRpcUnavailableError);
    node.rateLimited = false;
    expect(await resolver.learn(1, [FRAX])).toHaveLength(1);
  });

  it('throws ChainRpcUnavailableError when the endpoint is down', async () => {
    await node.stop();
    await expect(new TokenMetadataResolver(rpc, new TokenRegistry(), logger).learn(1, [FRAX])).rejects.toThrow(/^JSON-RPC endpoint of chain 1 unavailable/);
  });
});

describe('PoolMetadataResolver', () => {
  // The real 3-hop Uniswap V2 receipt (rotki/test-caching test_uniswap_v2_swap) without its Transfer logs: nothing
  // in it proves the pairs' tokens, so only the endpoint can.
  const fixture = JSON.parse(readFileSync(path.join(__dirname, '../../dex/src/families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json'), 'utf8')) as ChainReceipt;
  const receipt: ChainReceipt = {
    chainId: 1,
    blockTimestamp: fixture.blockTimestamp,
    receipt: { ...fixture.receipt, logs: fixture.receipt.logs.filter((l) => l.topics[0] !== '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') },
  };
  const PAIRS: Array<[string, string, string]> = [
    ['0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'],
    ['0x9bac32d4f3322bc7588bb119283bad7073145355', '0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
    ['0xe1573b9d29e2183b1af0e743dc2754979a40d237', '0x3432b6a60d23ca0dfca7761b7ab56459d9c964d0', FRAX],
  ];
  const answerPairs = () => {
    for (const [pair, token0, token1] of PAIRS) {
      node.answer(pair, selector('token0()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'token0', result: token0 as Hex }) });
      node.answer(pair, selector('token1()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'token1', result: token1 as Hex }) });
    }
  };

  it('asks token0/token1 of the pools a receipt cannot prove, so the route decodes whole', async () => {
    answerPairs();
    const decoder = ChainReceiptDecoder.create();
    expect(decoder.decode(receipt).rejected).toHaveLength(3);
    await new PoolMetadataResolver(rpc, logger).resolveUnknownPools(decoder, receipt);
    const decoded = decoder.decode(receipt);
    expect(decoded.rejected).toEqual([]);
    expect(decoded.trades.map((t) => [t.tokenIn, t.amountIn, t.tokenOut, t.amountOut])).toEqual([
      // The router wrapped the sender's ETH (WETH Deposit of exactly the amount): ETH in, as rotki books it.
      ['0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '150000000000000000', FRAX, '462967761432322996701'],
    ]);
  });

  it('asks asset() of an ERC-4626 wrapper a Balancer V3 buffer converted, so a batch route nets to USDC → ETH (the router unwrapped the WETH)', async () => {
    // The real Base batch-router receipt (rotki/test-caching test_swap_via_batch_router) without its Transfer logs:
    // only the endpoint can say waBaseUSDC wraps USDC (a public fact of the wrapper's asset()).
    const batch = JSON.parse(readFileSync(path.join(__dirname, '../../dex/src/families/balancer-v3/fixtures/base-0xbffb6bd2.json'), 'utf8')) as ChainReceipt;
    const WRAPPER = '0xc768c589647798a6ee01a91fde98ef2ed046dbd6';
    const USDC = '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913';
    const withoutTransfers: ChainReceipt = {
      chainId: 8453,
      blockTimestamp: batch.blockTimestamp,
      receipt: { ...batch.receipt, logs: batch.receipt.logs.filter((l) => l.topics[0] !== '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') },
    };
    node.answer(WRAPPER, selector('asset()'), { result: encodeFunctionResult({ abi: ABI, functionName: 'asset', result: USDC }) });
    const decoder = ChainReceiptDecoder.create();
    expect(decoder.decode(withoutTransfers).rejected).toEqual([expect.objectContaining({ logIndex: 353, reason: expect.stringContaining(`unknown pool ${WRAPPER}`) })]);
    await new PoolMetadataResolver(rpc, logger).resolveUnknownPools(decoder, withoutTransfers);
    expect(node.calls.filter((c) => c.to === WRAPPER).map((c) => c.data)).toContain(selector('asset()'));
    expect(decoder.decode(withoutTransfers).trades.map((t) => [t.tokenIn, t.amountIn, t.tokenOut, t.amountOut])).toEqual([
      [USDC, '6535440', '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', '1549083846430882'],
    ]);
  });

  it('remembers a pool that answers no getter as unknown for a while', async () => {
    const decoder = ChainReceiptDecoder.create();
    const resolver = new PoolMetadataResolver(rpc, logger);
    await resolver.resolveUnknownPools(decoder, receipt);
    const asked = node.calls.length;
    await resolver.resolveUnknownPools(decoder, receipt);
    expect(node.calls).toHaveLength(asked);
    expect(decoder.decode(receipt).rejected).toHaveLength(3);
  });

  it('throws ChainRpcUnavailableError when the endpoint is down', async () => {
    await node.stop();
    await expect(new PoolMetadataResolver(rpc, logger).resolveUnknownPools(ChainReceiptDecoder.create(), receipt)).rejects.toBeInstanceOf(ChainRpcUnavailableError);
  });
});

describe('ChainRpcClients.fromEnv', () => {
  it('maps chain ids to endpoints', () => {
    const clients = ChainRpcClients.fromEnv('1=https://eth.example/rpc?key=a=b, 8453=http://127.0.0.1:8545');
    expect(clients.chainIds).toEqual([1, 8453]);
    expect(clients.of(10)).toBeUndefined();
  });
});
