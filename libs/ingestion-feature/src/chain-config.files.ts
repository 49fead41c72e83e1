import type { Address } from 'viem';
import { z } from 'zod';
import { chainId, evmAddress } from '@hyperdex/contracts';
import { DEX_DEFINITIONS, type ChainlinkFeed, type KnownPool } from '@hyperdex/dex';
import { readJsonConfigFile } from '@hyperdex/observability';

const DEX_IDS = DEX_DEFINITIONS.map((d) => d.id);
const slotToken = evmAddress.nullable();

const PoolsFileSchema = z.array(
  z.strictObject({
    chainId,
    address: evmAddress,
    poolId: z.string().regex(/^0x[0-9a-f]{64}$/, 'must be a lower-case 0x-prefixed 32-byte hex PoolId').optional(),
    dexId: z.string().refine((id) => DEX_IDS.includes(id), `must be a registered DEX id (${DEX_IDS.join(', ')})`).optional(),
    tokens: z.array(slotToken).min(1, 'must name at least one token slot'),
    underlying: z.array(slotToken).optional(),
  }),
);

const FeedsFileSchema = z.array(
  z.strictObject({
    chainId,
    aggregator: evmAddress,
    token: evmAddress,
    decimals: z.number().int().min(0).max(36),
  }),
);

/** `DEX_POOLS_FILE`: pools whose tokens receipts cannot prove (V4 PoolIds, pools traded without Transfer logs). */
export function loadPoolsFile(file: string | undefined): KnownPool[] {
  if (!file) return [];
  return readJsonConfigFile('DEX_POOLS_FILE', file, PoolsFileSchema).map((pool) => ({
    ...pool,
    address: pool.address as Address,
    poolId: pool.poolId as `0x${string}` | undefined,
    tokens: pool.tokens as (Address | null)[],
    underlying: pool.underlying as (Address | null)[] | undefined,
    source: 'file',
  }));
}

/** `CHAINLINK_FEEDS_FILE`: the aggregators whose `AnswerUpdated` logs are trusted as USD prices of a token. */
export function loadChainlinkFeeds(file: string | undefined): ChainlinkFeed[] {
  if (!file) return [];
  return readJsonConfigFile('CHAINLINK_FEEDS_FILE', file, FeedsFileSchema).map((feed) => ({
    ...feed,
    aggregator: feed.aggregator as Address,
    token: feed.token as Address,
  }));
}
