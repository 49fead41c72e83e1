import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { createPublicClient, http, parseAbi, type Address, type PublicClient } from 'viem';
import type { ChainReceipt } from '@hyperdex/contracts';
import { LOGGER } from '@hyperdex/observability';
import type { ChainReceiptDecoder } from './chain-receipt-decoder';

export const CHAIN_RPC_URLS = Symbol('CHAIN_RPC_URLS');

const POOL_ABI = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getTokenX() view returns (address)',
  'function getTokenY() view returns (address)',
  'function tokenA() view returns (address)',
  'function tokenB() view returns (address)',
  'function coins(uint256) view returns (address)',
]);

/** Pairs of getters that name a two-token pool's slots, in the order the families use them. */
const PAIRS = [
  ['token0', 'token1'],
  ['getTokenX', 'getTokenY'],
  ['tokenA', 'tokenB'],
] as const;

const RETRY_UNKNOWN_AFTER_MS = 10 * 60_000;

/**
 * Asks a chain's JSON-RPC endpoint (when one is configured) for the tokens of pools no registry or receipt could
 * name: token0/token1 (Uniswap-style and forks), getTokenX/getTokenY (Liquidity Book), tokenA/tokenB (Maverick),
 * coins(i) (Curve). A pool that answers none is remembered as unknown for a while rather than asked on every swap.
 */
@Injectable()
export class PoolMetadataResolver {
  private readonly clients = new Map<number, PublicClient>();
  private readonly failedAt = new Map<string, number>();

  constructor(
    @Inject(CHAIN_RPC_URLS) urls: ReadonlyMap<number, string>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    for (const [chainId, url] of urls) this.clients.set(chainId, createPublicClient({ transport: http(url, { timeout: 3_000, retryCount: 1 }) }));
  }

  async resolveUnknownPools(decoder: ChainReceiptDecoder, receipt: ChainReceipt): Promise<void> {
    const client = this.clients.get(receipt.chainId);
    if (!client) return;
    for (const pool of decoder.unknownPools(receipt)) {
      const key = `${pool.chainId}:${pool.address}`;
      const failed = this.failedAt.get(key);
      if (failed !== undefined && Date.now() - failed < RETRY_UNKNOWN_AFTER_MS) continue;
      const tokens = await this.tokensOf(client, pool.address);
      if (tokens) decoder.pools.learn({ chainId: pool.chainId, address: pool.address, tokens, source: 'rpc' });
      else {
        this.failedAt.set(key, Date.now());
        this.logger.warn({ chainId: pool.chainId, pool: pool.address }, 'pool tokens unknown to the RPC endpoint');
      }
    }
  }

  private async tokensOf(client: PublicClient, address: Address): Promise<Address[] | null> {
    for (const [first, second] of PAIRS) {
      try {
        const [a, b] = await Promise.all([
          client.readContract({ address, abi: POOL_ABI, functionName: first }),
          client.readContract({ address, abi: POOL_ABI, functionName: second }),
        ]);
        return [a.toLowerCase() as Address, b.toLowerCase() as Address];
      } catch {
        // Not this family's getters: try the next pair.
      }
    }
    const coins: Address[] = [];
    for (let i = 0n; i < 8n; i++) {
      try {
        coins.push((await client.readContract({ address, abi: POOL_ABI, functionName: 'coins', args: [i] })).toLowerCase() as Address);
      } catch {
        break;
      }
    }
    return coins.length >= 2 ? coins : null;
  }
}

/** `CHAIN_RPC_URLS=1=https://…,8453=https://…` → chain id → URL. */
export function parseRpcUrls(text: string | undefined): Map<number, string> {
  const urls = new Map<number, string>();
  for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, ...rest] = pair.split('=');
    urls.set(Number(id), rest.join('='));
  }
  return urls;
}
