import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { parseAbi, type Address, type Hex, type PublicClient } from 'viem';
import { UNISWAP_V4_INITIALIZE, type RawLog } from '@hyperdex/dex';
import type { ChainReceipt } from '@hyperdex/contracts';
import { LOGGER } from '@hyperdex/observability';
import type { ChainReceiptDecoder, UnknownPool } from './chain-receipt-decoder';
import type { PoolStore } from './pool-store/pool-store';

export const POOL_STORE = Symbol('POOL_STORE');
import { ChainRpcClients, readOrUndefined } from './chain-rpc-clients';

const POOL_ABI = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function getTokenX() view returns (address)',
  'function getTokenY() view returns (address)',
  'function tokenA() view returns (address)',
  'function tokenB() view returns (address)',
  'function coins(uint256) view returns (address)',
  'function asset() view returns (address)',
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
 * coins(i) (Curve), asset() (an ERC-4626 wrapper a Balancer V3 buffer converts: [asset, wrapper]). A pool that answers none is remembered as unknown for a while rather than asked on every swap;
 * an endpoint that cannot be reached throws `ChainRpcUnavailableError` (the receipt is retried, not withheld).
 */
@Injectable()
export class PoolMetadataResolver {
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly rpc: ChainRpcClients,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(POOL_STORE) private readonly store?: PoolStore | null,
  ) {}

  /**
   * The shared store first (another replica may have learned the pool), then the endpoint: token getters for a pool
   * contract, `eth_getLogs` for the `Initialize` of a singleton's PoolId (V4) up to the receipt's block.
   */
  async resolveUnknownPools(decoder: ChainReceiptDecoder, receipt: ChainReceipt): Promise<void> {
    const client = this.rpc.of(receipt.chainId);
    for (const pool of decoder.unknownPools(receipt)) {
      const shared = await this.store?.find(pool.chainId, pool.address, pool.poolId);
      if (shared) {
        decoder.pools.learn(shared);
        continue;
      }
      if (!client) continue;
      const key = `${pool.chainId}:${pool.address}:${pool.poolId ?? ''}`;
      const failed = this.failedAt.get(key);
      if (failed !== undefined && Date.now() - failed < RETRY_UNKNOWN_AFTER_MS) continue;
      const learned = pool.poolId ? await this.initializeOf(decoder, client, pool) : await this.learnGetters(decoder, client, pool);
      if (!learned) {
        this.failedAt.set(key, Date.now());
        this.logger.warn({ chainId: pool.chainId, pool: pool.address, poolId: pool.poolId }, 'pool tokens unknown to the RPC endpoint');
      }
    }
  }

  private async learnGetters(decoder: ChainReceiptDecoder, client: PublicClient, pool: UnknownPool): Promise<boolean> {
    const tokens = await this.tokensOf(pool.chainId, client, pool.address);
    if (tokens) decoder.pools.learn({ chainId: pool.chainId, address: pool.address, tokens, source: 'rpc' });
    return tokens !== null;
  }

  /** The singleton's `Initialize` of this PoolId, read through the same classifier as receipts. */
  private async initializeOf(decoder: ChainReceiptDecoder, client: PublicClient, pool: UnknownPool): Promise<boolean> {
    const logs = await readOrUndefined(pool.chainId, () =>
      client.request({
        method: 'eth_getLogs',
        params: [{ address: pool.address, topics: [UNISWAP_V4_INITIALIZE.topic0, pool.poolId ?? null], fromBlock: 'earliest', toBlock: `0x${pool.blockNumber.toString(16)}` }],
      }),
    );
    if (!logs) return false;
    const raw: RawLog[] = logs.map((log) => ({
      address: log.address.toLowerCase() as Address,
      topics: log.topics.map((t) => t.toLowerCase() as Hex),
      data: log.data,
      logIndex: Number(BigInt(log.logIndex ?? '0x0')),
      removed: log.removed ?? false,
    }));
    return decoder.learnPoolEvents(pool.chainId, raw) > 0;
  }

  private async tokensOf(chainId: number, client: PublicClient, address: Address): Promise<Address[] | null> {
    const read = <T>(call: () => Promise<T>) => readOrUndefined(chainId, call);
    for (const [first, second] of PAIRS) {
      // Not this family's getters when either is missing: try the next pair.
      const a = await read(() => client.readContract({ address, abi: POOL_ABI, functionName: first }));
      const b = a === undefined ? undefined : await read(() => client.readContract({ address, abi: POOL_ABI, functionName: second }));
      if (a !== undefined && b !== undefined) return [a.toLowerCase() as Address, b.toLowerCase() as Address];
    }
    const coins: Address[] = [];
    for (let i = 0n; i < 8n; i++) {
      const coin = await read(() => client.readContract({ address, abi: POOL_ABI, functionName: 'coins', args: [i] }));
      if (coin === undefined) break;
      coins.push(coin.toLowerCase() as Address);
    }
    if (coins.length >= 2) return coins;
    const asset = await read(() => client.readContract({ address, abi: POOL_ABI, functionName: 'asset' }));
    return asset === undefined ? null : [asset.toLowerCase() as Address, address];
  }
}
