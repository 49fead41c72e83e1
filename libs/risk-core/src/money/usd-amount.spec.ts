import fc from 'fast-check';
import { divRound, formatUsd, parsePrice, parseUsd, prorate, ratio, valueAt } from './usd-amount';

describe('fixed-point USD', () => {
  it('rounds half to even in both directions (the IEEE 754 default, as decimal.js ROUND_HALF_EVEN)', () => {
    expect([divRound(5n, 2n), divRound(7n, 2n), divRound(-5n, 2n), divRound(-7n, 2n), divRound(5n, -2n)]).toEqual([2n, 4n, -2n, -4n, -2n]);
    expect([divRound(10n, 3n), divRound(11n, 3n), divRound(-11n, 3n)]).toEqual([3n, 4n, -4n]);
  });

  it('parses and formats without exponent notation, trimming zeros', () => {
    expect(parseUsd('1234.5')).toBe(1_234_500_000_000_000_000_000n);
    expect(formatUsd(parseUsd('1234.5'))).toBe('1234.5');
    expect(formatUsd(parseUsd('-0.000000004'))).toBe('0');
    expect(formatUsd(parseUsd('-0.000000006'))).toBe('-0.00000001');
    expect(formatUsd(parseUsd('0.1234567891234'), 18)).toBe('0.1234567891234');
    expect(() => parseUsd('1e5')).toThrow('is not a decimal number');
  });

  it('values base units at a per-token price: 2.5 WETH (18 dp) × 3,000.5 = 7,501.25', () => {
    expect(formatUsd(valueAt(2_500_000_000_000_000_000n, 18, parsePrice('3000.5')))).toBe('7501.25');
    // 1e30 base units of an 18-decimal token at 1.2345e-13 USD: 1e12 tokens × 1.2345e-13 = 0.12345 USD.
    expect(formatUsd(valueAt(10n ** 30n, 18, parsePrice('0.00000000000012345')), 18)).toBe('0.12345');
  });

  it('prorates and forms ratios rounded once', () => {
    expect(prorate(parseUsd('10'), 1n, 3n)).toBe(3_333_333_333_333_333_333n);
    expect(formatUsd(ratio(parseUsd('1'), parseUsd('4')), 18)).toBe('0.25');
  });

  it('formats what it parses (round trip at 18 places)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        expect(parseUsd(formatUsd(n, 18))).toBe(n);
      }),
    );
  });
});
