import type { Address } from 'viem';
import type { PriceTick } from '@hyperdex/contracts';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import { WRAPPED_NATIVE } from '../registry/wrapped-native';

/**
 * A chain's native coin and its wrapper are redeemable 1:1, so a price of either prices both: trades book the coin the
 * user moved (ETH sent through a router, gas) while pools quote the wrapper. Each tick of one gets a twin for the other
 * unless the same batch already prices it; the twin's source says it was carried over.
 */
export function withWrappedNativeTwins(ticks: readonly PriceTick[]): PriceTick[] {
  const priced = new Set(ticks.map((t) => `${t.chainId}:${t.token}`));
  const twins: PriceTick[] = [];
  for (const tick of ticks) {
    const wrapped = WRAPPED_NATIVE[tick.chainId];
    if (!wrapped) continue;
    const twin: Address | undefined = tick.token === wrapped ? NATIVE_TOKEN : tick.token === NATIVE_TOKEN ? wrapped : undefined;
    if (!twin || priced.has(`${tick.chainId}:${twin}`)) continue;
    priced.add(`${tick.chainId}:${twin}`);
    twins.push({ ...tick, token: twin, source: `${tick.source} (1:1 ${twin === NATIVE_TOKEN ? 'unwrapped' : 'wrapped'})`.slice(0, 64) });
  }
  return [...ticks, ...twins];
}
