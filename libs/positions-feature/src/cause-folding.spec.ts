import type { ExposureCause } from '@hyperdex/contracts';
import { MAX_CAUSES_PER_UPDATE, foldCauses, sliceCauses, type PriceCause } from './cause-folding';
import { ChunkCoverage } from './chunk-coverage';
import { consumed } from './testing/consumed';
import { USDC, WETH, aSwap } from './testing/ledger-events';

const price = (token: string): PriceCause => ({ kind: 'price', chainId: 1, token });
const transfer = (transferId: string): ExposureCause => ({ kind: 'transfer', transferId });

describe('cause folding', () => {
  it('puts pending price moves before the ledger events, so the last cause stays the last ledger event', () => {
    const folded = foldCauses([price(WETH), price(USDC)], [transfer('d1'), transfer('d2')]);
    expect(folded).toEqual([price(WETH), price(USDC), transfer('d1'), transfer('d2')]);
    expect(foldCauses([], [transfer('d1')])).toEqual([transfer('d1')]);
  });

  it('splits only what the contract cannot take in one update, in order', () => {
    const causes = Array.from({ length: MAX_CAUSES_PER_UPDATE + 2 }, (_, i) => transfer(`d${i}`));
    const slices = sliceCauses(causes);
    expect(slices.map((s) => s.length)).toEqual([MAX_CAUSES_PER_UPDATE, 2]);
    expect(slices.flat()).toEqual(causes);
    expect(sliceCauses([transfer('d1')])).toEqual([[transfer('d1')]]);
  });
});

describe('ChunkCoverage', () => {
  it('gathers each user\'s causes in order and remembers the record of their last event', () => {
    const coverage = new ChunkCoverage();
    const [a1, b1, a2] = [consumed(aSwap('a1')), consumed(aSwap('b1', { userId: 'bob' })), consumed(aSwap('a2'))];
    coverage.add('alice', transfer('a1'), a1.context);
    coverage.add('bob', transfer('b1'), b1.context);
    coverage.add('alice', transfer('a2'), a2.context);
    expect([...coverage.entries()]).toEqual([
      ['alice', { causes: [transfer('a1'), transfer('a2')], lastContext: a2.context }],
      ['bob', { causes: [transfer('b1')], lastContext: b1.context }],
    ]);
  });
});
