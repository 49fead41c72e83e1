import type { Hex } from 'viem';
import type { DecodeResult } from './decode-result';
import type { DexFamilyId } from './family-id';
import type { RawLog } from './raw-log';

/**
 * Decodes one family's events. The registry has already decided, from (chain, emitter) first and topic0 second, that
 * this log belongs to the family; the decoder still checks the layout and rejects with a reason instead of throwing.
 */
export interface SwapDecoder {
  readonly family: DexFamilyId;
  /** topic0 of every event this family decodes (swap variants and pool-metadata events). */
  readonly topic0s: readonly Hex[];
  decode(log: RawLog, chainId: number): DecodeResult;
}
