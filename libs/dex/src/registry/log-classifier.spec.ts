import type { Hex } from 'viem';
import type { RawLog } from '../core/raw-log';
import type { SwapDecoder } from '../core/swap-decoder';
import { DexFamilies } from '../core/family-id';
import { BALANCER_V2_SWAP } from '../families/balancer-v2/balancer-v2-decoder';
import { BALANCER_V3_SWAP } from '../families/balancer-v3/balancer-v3-decoder';
import { UNISWAP_V3_SWAP } from '../families/uniswap-v3/uniswap-v3-decoder';
import { createDecoderSet } from './decoder-set';
import { SWAP_DECODERS } from './decoders';
import { DEX_DEFINITIONS, GENERIC_DEX_IDS, SINGLETON_FAMILIES } from './dex-definitions';
import { createLogClassifier } from './log-classifier';

const decoders = createDecoderSet(SWAP_DECODERS);
const classifier = createLogClassifier({ decoders });
const log = (address: string, topic0: Hex): RawLog => ({ address: address as `0x${string}`, topics: [topic0], data: '0x', logIndex: 7, removed: false });
const BALANCER_V2_VAULT = '0xba12222222228d8ba445958a75a0704d566bf2c8';

describe('DEX registry', () => {
  it('has at least 25 lower-case hyphenated dex ids, each once, over the 8 target chains', () => {
    const ids = DEX_DEFINITIONS.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const chains = new Set(DEX_DEFINITIONS.flatMap((d) => d.deployments.map((x) => x.chainId)));
    expect([...chains].sort((a, b) => a - b)).toEqual([1, 10, 56, 100, 137, 8453, 42161, 43114]);
  });

  it('stores addresses lower-case and gives every pool family a generic dex id that exists', () => {
    for (const d of DEX_DEFINITIONS) {
      for (const x of d.deployments) {
        for (const address of [...(x.singletons ?? []), ...(x.factories ?? [])]) expect(address).toMatch(/^0x[0-9a-f]{40}$/);
      }
    }
    for (const family of DexFamilies.filter((f) => !SINGLETON_FAMILIES.has(f))) {
      expect(DEX_DEFINITIONS.find((d) => d.id === GENERIC_DEX_IDS[family])?.family).toBe(family);
    }
  });

  it('lists every singleton family with at least one singleton address', () => {
    for (const family of SINGLETON_FAMILIES) {
      const singletons = DEX_DEFINITIONS.filter((d) => d.family === family).flatMap((d) => d.deployments.flatMap((x) => x.singletons ?? []));
      expect(singletons.length).toBeGreaterThan(0);
    }
  });
});

describe('decoder set', () => {
  it('maps each topic0 to its decoder and refuses two decoders of one family', () => {
    expect(decoders.byTopic0(UNISWAP_V3_SWAP.topic0).map((d) => d.family)).toEqual(['uniswap-v3']);
    expect(decoders.byTopic0(UNISWAP_V3_SWAP.topic0.toUpperCase().replace('0X', '0x') as Hex)).toHaveLength(1);
    expect(decoders.byTopic0(undefined)).toEqual([]);
    const [first] = SWAP_DECODERS;
    expect(first).toBeDefined();
    expect(() => createDecoderSet([first as SwapDecoder, first as SwapDecoder])).toThrow(/two decoders/);
  });

  it('rejects a topic0 shared by two pool families when the pool is unknown', () => {
    // A second pool family claiming the V3 topic (as a fork with its own decoder would): swap it in for Kyber Classic.
    const fork: SwapDecoder = { family: 'kyberswap-classic', topic0s: [UNISWAP_V3_SWAP.topic0], decode: () => ({ kind: 'rejected', logIndex: 0, reason: 'x' }) };
    const others = SWAP_DECODERS.filter((d) => d.family !== 'kyberswap-classic');
    const shared = createLogClassifier({ decoders: createDecoderSet([...others, fork]) });
    expect(shared.classify(1, log('0x0000000000000000000000000000000000000001', UNISWAP_V3_SWAP.topic0))).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('cannot choose'),
    });
  });
});

describe('log classifier', () => {
  it('trusts the Balancer V2 topic only from the Vault', () => {
    expect(classifier.classify(42161, log(BALANCER_V2_VAULT, BALANCER_V2_SWAP.topic0))).toMatchObject({
      kind: 'classified',
      dexId: 'balancer-v2',
      verified: true,
      source: 'singleton',
    });
    // Reference §5.1: the Balancer topics were also seen from non-vault contracts (0xd315a9c3… on Arbitrum).
    expect(classifier.classify(42161, log('0x00000000000000000000000000000000000000aa', BALANCER_V2_SWAP.topic0))).toMatchObject({
      kind: 'rejected',
      logIndex: 7,
      reason: expect.stringContaining('balancer-v2'),
    });
    expect(classifier.classify(42161, log('0x00000000000000000000000000000000000000aa', BALANCER_V3_SWAP.topic0)).kind).toBe('rejected');
  });

  it('ignores a singleton\'s other events and rejects another family\'s swap topic from it', () => {
    expect(classifier.classify(1, log(BALANCER_V2_VAULT, `0x${'ab'.repeat(32)}`))).toEqual({ kind: 'ignored' });
    expect(classifier.classify(1, log(BALANCER_V2_VAULT, UNISWAP_V3_SWAP.topic0))).toMatchObject({ kind: 'rejected' });
  });

  it('ignores non-swap topics from unknown contracts and rejects an unknown dex id from the resolver', () => {
    expect(classifier.classify(1, log('0x0000000000000000000000000000000000000001', `0x${'cd'.repeat(32)}`))).toEqual({ kind: 'ignored' });
    const bad = createLogClassifier({ decoders, lookupPool: () => 'no-such-dex' });
    expect(bad.classify(1, log('0x0000000000000000000000000000000000000001', UNISWAP_V3_SWAP.topic0))).toMatchObject({
      kind: 'rejected',
      reason: expect.stringContaining('no-such-dex'),
    });
  });

  it('decode() passes rejections through as DecodeResults', () => {
    const outcome = classifier.decode(42161, log('0x00000000000000000000000000000000000000aa', BALANCER_V2_SWAP.topic0));
    expect(outcome.result).toMatchObject({ kind: 'rejected', logIndex: 7 });
    expect(classifier.decode(1, log('0x0000000000000000000000000000000000000001', `0x${'cd'.repeat(32)}`)).result).toBeUndefined();
  });
});
