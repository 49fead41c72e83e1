import type { Hex } from 'viem';
import type { DexFamilyId } from '../core/family-id';
import { SWAP_DECODERS } from './decoders';

/** Families whose events summarise a whole route (0x TransformedERC20, 1inch/Kyber Swapped, CoW Trade). */
export const SUMMARY_FAMILIES: ReadonlySet<DexFamilyId> = new Set<DexFamilyId>(['aggregator-swapped', 'zeroex', 'cow-protocol']);

/**
 * The topic0s of route summaries. One from a contract the registry does not know is a claim nobody vouches for, not
 * a swap that failed to decode: the pool hops it summarises are still the route's own account.
 */
export const SUMMARY_TOPIC0S: ReadonlySet<Hex> = new Set(SWAP_DECODERS.filter((d) => SUMMARY_FAMILIES.has(d.family)).flatMap((d) => d.topic0s));
