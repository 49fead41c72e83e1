import fc from 'fast-check';
import { Usd } from '../money/usd';
import { runStress } from './run-stress';

/** The per-scenario factor v·(−pct/100) must give the per-position formula −(v·pct)/100 digit for digit. */
describe('runStress price shocks', () => {
  it('equal −(v·pct)/100 exactly for any decimal value and percentage', () => {
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 18 })).map(([units, scale]) => new Usd(units.toString()).div(new Usd(10).pow(scale)));
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 20 }), fc.double({ min: -100, max: 100, noNaN: true }), (values, pct) => {
        const book = values.map((valueUsd, i) => ({ key: `1:0x${i}`, valueUsd, stablecoin: false }));
        const result = runStress(book, { kind: 'volatile-shock', shockPct: pct });
        result.byToken.forEach((entry, i) => expect(entry.lossUsd.toString()).toBe((values[i] as Usd).times(new Usd(pct)).div(100).neg().toString()));
      }),
    );
  });
});
