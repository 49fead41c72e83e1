import type { Address } from 'viem';
import type { DecodeResult } from '../core/decode-result';
import type { DexDefinition } from '../core/dex-deployment';
import type { DexFamilyId } from '../core/family-id';
import type { PoolAddressing } from '../core/pool-addressing';
import type { RawLog } from '../core/raw-log';
import type { SwapDecoder } from '../core/swap-decoder';
import type { DecoderSet } from './decoder-set';
import { DEX_DEFINITIONS, GENERIC_DEX_IDS, SINGLETON_FAMILIES } from './dex-definitions';
import { derivePoolAddresses } from './pool-address-derivation';

/** What a caller already knows about pools (the pool resolver): the dex id of a pool address, if any. */
export type PoolDexLookup = (chainId: number, address: Address) => string | undefined;

/** How the family was decided: the emitter is a registry singleton, a pool the caller knows, or only the topic0. */
export type ClassificationSource = 'singleton' | 'known-pool' | 'topic0';

export type LogClassification =
  | {
      readonly kind: 'classified';
      readonly dexId: string;
      readonly family: DexFamilyId;
      readonly decoder: SwapDecoder;
      /** false when only the topic0 matched: the emitter may be any contract copying the event. */
      readonly verified: boolean;
      readonly source: ClassificationSource;
    }
  /** A swap topic0 from an emitter that cannot speak it (the reason goes to the DLQ). */
  | { readonly kind: 'rejected'; readonly logIndex: number; readonly reason: string }
  /** No family decodes this topic0 (transfers, syncs, liquidity events…): not a swap. */
  | { readonly kind: 'ignored' };

export interface ClassifiedDecode {
  readonly classification: LogClassification;
  /** The decoder's result; absent when the log was ignored, a rejection when the classification rejected it. */
  readonly result?: DecodeResult;
}

export interface LogClassifier {
  classify(chainId: number, log: RawLog): LogClassification;
  /** classify, then run the chosen decoder. */
  decode(chainId: number, log: RawLog): ClassifiedDecode;
  /**
   * The DEX whose factory placed this pool, proven by CREATE2: a family pool classified by topic0 alone, once its
   * tokens (slot 0 and 1) are known. Undefined when no registered factory of the family on that chain yields it.
   */
  attributePool(chainId: number, family: DexFamilyId, pool: Address, tokens: readonly (Address | null)[]): string | undefined;
}

export interface LogClassifierOptions {
  readonly decoders: DecoderSet;
  readonly definitions?: readonly DexDefinition[];
  readonly lookupPool?: PoolDexLookup;
}

const IGNORED: LogClassification = { kind: 'ignored' };
const MAX_REMEMBERED_ATTRIBUTIONS = 100_000;

const singletonKey = (chainId: number, address: string): string => `${chainId}:${address.toLowerCase()}`;

/**
 * Decides a log's DEX family from (chainId, emitter) first and topic0 second (reference §5.1: topic0 is no identity).
 * 1. A registry singleton (V4 PoolManager, Balancer vaults, CoW, 0x, aggregator routers): its own family only.
 * 2. A pool the caller knows (`lookupPool`): that dex's family only.
 * 3. Otherwise the topic0: a singleton-only family's topic from another contract is rejected; a pool family's topic
 *    classifies as that family under its generic dex id, `verified: false`.
 */
export const createLogClassifier = (options: LogClassifierOptions): LogClassifier => {
  const definitions = options.definitions ?? DEX_DEFINITIONS;
  const { decoders, lookupPool } = options;
  const byId = new Map<string, DexDefinition>();
  const singletons = new Map<string, DexDefinition>();
  const placements = new Map<string, Array<{ dexId: string; addressing: PoolAddressing }>>();
  for (const definition of definitions) {
    if (byId.has(definition.id)) throw new Error(`duplicate dex id ${definition.id}`);
    byId.set(definition.id, definition);
    for (const deployment of definition.deployments) {
      for (const singleton of deployment.singletons ?? []) {
        const key = singletonKey(deployment.chainId, singleton);
        const existing = singletons.get(key);
        if (existing && existing.id !== definition.id) {
          throw new Error(`${key} is a singleton of both ${existing.id} and ${definition.id}`);
        }
        singletons.set(key, definition);
      }
      if (deployment.poolAddressing) {
        const key = `${deployment.chainId}:${definition.family}`;
        placements.set(key, [...(placements.get(key) ?? []), { dexId: definition.id, addressing: deployment.poolAddressing }]);
      }
    }
  }

  /** The emitter's dex is known: accept its family's topics, reject other families' swap topics, ignore the rest. */
  const classifyKnown = (
    definition: DexDefinition,
    source: ClassificationSource,
    log: RawLog,
    claimants: readonly SwapDecoder[],
  ): LogClassification => {
    const decoder = decoders.byFamily(definition.family);
    if (decoder && claimants.includes(decoder)) {
      return { kind: 'classified', dexId: definition.id, family: definition.family, decoder, verified: true, source };
    }
    if (claimants.length === 0) return IGNORED;
    if (!decoder) {
      return { kind: 'rejected', logIndex: log.logIndex, reason: `no decoder registered for family ${definition.family} (${definition.id})` };
    }
    return {
      kind: 'rejected',
      logIndex: log.logIndex,
      reason: `${log.address} is ${definition.id} (${definition.family}) but emitted a ${claimants.map((d) => d.family).join('/')} topic0 ${log.topics[0]}`,
    };
  };

  const classify = (chainId: number, log: RawLog): LogClassification => {
    const claimants = decoders.byTopic0(log.topics[0]);
    const singleton = singletons.get(singletonKey(chainId, log.address));
    if (singleton) return classifyKnown(singleton, 'singleton', log, claimants);

    const knownId = lookupPool?.(chainId, log.address);
    if (knownId !== undefined) {
      const known = byId.get(knownId);
      if (!known) return { kind: 'rejected', logIndex: log.logIndex, reason: `pool lookup returned unknown dex id ${knownId}` };
      return classifyKnown(known, 'known-pool', log, claimants);
    }

    if (claimants.length === 0) return IGNORED;
    const poolFamilies = claimants.filter((decoder) => !SINGLETON_FAMILIES.has(decoder.family));
    const [decoder, ...others] = poolFamilies;
    if (!decoder) {
      return {
        kind: 'rejected',
        logIndex: log.logIndex,
        reason: `${claimants.map((d) => d.family).join('/')} topic0 ${log.topics[0]} emitted by ${log.address}, which is no known ${claimants.map((d) => d.family).join('/')} singleton on chain ${chainId}`,
      };
    }
    if (others.length > 0) {
      return {
        kind: 'rejected',
        logIndex: log.logIndex,
        reason: `topic0 ${log.topics[0]} is shared by ${poolFamilies.map((d) => d.family).join(', ')}; pool ${log.address} is unknown, cannot choose`,
      };
    }
    return {
      kind: 'classified',
      dexId: GENERIC_DEX_IDS[decoder.family],
      family: decoder.family,
      decoder,
      verified: false,
      source: 'topic0',
    };
  };

  // CREATE2 derivations cost several keccaks each: a pool's answer (a DEX, or none) is kept, bounded by a reset.
  const attributions = new Map<string, string | null>();
  const attributePool: LogClassifier['attributePool'] = (chainId, family, pool, tokens) => {
    const [token0, token1] = tokens;
    const candidates = placements.get(`${chainId}:${family}`);
    // Factories sort the pair before deploying; slots out of order cannot be a factory pool's.
    if (!candidates || !token0 || !token1 || token0.toLowerCase() >= token1.toLowerCase()) return undefined;
    const address = pool.toLowerCase() as Address;
    const key = `${chainId}:${family}:${address}:${token0}:${token1}`.toLowerCase();
    const known = attributions.get(key);
    if (known !== undefined) return known ?? undefined;
    const dexId = candidates.find(({ addressing }) => derivePoolAddresses(addressing, token0, token1).includes(address))?.dexId;
    if (attributions.size >= MAX_REMEMBERED_ATTRIBUTIONS) attributions.clear();
    attributions.set(key, dexId ?? null);
    return dexId;
  };

  return {
    classify,
    attributePool,
    decode(chainId: number, log: RawLog): ClassifiedDecode {
      const classification = classify(chainId, log);
      if (classification.kind === 'classified') return { classification, result: classification.decoder.decode(log, chainId) };
      if (classification.kind === 'rejected') {
        return { classification, result: { kind: 'rejected', logIndex: classification.logIndex, reason: classification.reason } };
      }
      return { classification };
    },
  };
};
