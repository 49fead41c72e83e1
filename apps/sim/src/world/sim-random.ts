import { SeededRandom } from '@hyperdex/simulator';

/** The simulation's one source of randomness: everything a seed does is drawn from it, in order. */
export type SimRandom = SeededRandom;

export const simRandom = (seed: number): SimRandom => new SeededRandom(seed);
