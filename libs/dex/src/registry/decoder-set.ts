import type { Hex } from 'viem';
import type { DexFamilyId } from '../core/family-id';
import type { SwapDecoder } from '../core/swap-decoder';

/** topic0 → the decoders that claim it, and family → its decoder. Built once from a list of decoders. */
export interface DecoderSet {
  readonly decoders: readonly SwapDecoder[];
  /** Decoders whose family emits `topic0` (several when forks share an event, e.g. none today but possible). */
  byTopic0(topic0: Hex | undefined): readonly SwapDecoder[];
  byFamily(family: DexFamilyId): SwapDecoder | undefined;
}

const NONE: readonly SwapDecoder[] = [];

export const createDecoderSet = (decoders: readonly SwapDecoder[]): DecoderSet => {
  const byTopic = new Map<string, SwapDecoder[]>();
  const byFamily = new Map<DexFamilyId, SwapDecoder>();
  for (const decoder of decoders) {
    // One decoder per family: two would make the family → decoder choice ambiguous.
    if (byFamily.has(decoder.family)) throw new Error(`two decoders for family ${decoder.family}`);
    byFamily.set(decoder.family, decoder);
    for (const topic0 of decoder.topic0s) {
      const key = topic0.toLowerCase();
      const list = byTopic.get(key);
      if (list) list.push(decoder);
      else byTopic.set(key, [decoder]);
    }
  }
  return {
    decoders,
    byTopic0: (topic0) => (topic0 ? (byTopic.get(topic0.toLowerCase()) ?? NONE) : NONE),
    byFamily: (family) => byFamily.get(family),
  };
};
