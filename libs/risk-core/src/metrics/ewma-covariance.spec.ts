import fc from 'fast-check';
import { EwmaCovariance, ewmaCovarianceOf } from './ewma-covariance';

describe('EwmaCovariance', () => {
  // Hull, Risk Management and Financial Institutions, chapter "Correlations and Copulas", EWMA covariance example
  // (quoted as Example 6.1 in learn.bionicturtle.com/forum/threads/correlations-and-copulas-ch-11-hull.8389):
  // λ = 0.95, day n−1 volatilities 1% and 2%, correlation 0.6 (covariance 0.00012), returns 0.5% and 2.5% ⇒
  // variances 0.00009625 and 0.00041125, covariance 0.00012025, correlation 0.6044.
  it('reproduces Hull’s seeded update', () => {
    const ewma = new EwmaCovariance(2, { lambda: 0.95, seed: Float64Array.of(0.0001, 0.00012, 0.00012, 0.0004) });
    ewma.update([0.005, 0.025]);
    const [varX, cov, , varY] = ewma.covariance();
    expect(varX).toBeCloseTo(0.00009625, 15);
    expect(varY).toBeCloseTo(0.00041125, 15);
    expect(cov).toBeCloseTo(0.00012025, 15);
    expect((cov as number) / Math.sqrt((varX as number) * (varY as number))).toBeCloseTo(0.6044, 4);
  });

  // RiskMetrics — Technical Document (J.P. Morgan/Reuters, 4th ed., 1996), eq. 5.3 recursion σ²_t = λσ²_{t−1} + (1 − λ)r²_t
  // with λ = 0.94; Hull's EWMA variance example (same book, "Volatility" chapter): λ = 0.90, σ_{n−1} = 1%, u = 2% ⇒
  // σ²_n = 0.9·0.0001 + 0.1·0.0004 = 0.00013, σ_n = 1.14%.
  it('reproduces the univariate recursion', () => {
    const ewma = new EwmaCovariance(1, { lambda: 0.9, seed: Float64Array.of(0.0001) });
    ewma.update([0.02]);
    expect(ewma.covariance()[0]).toBeCloseTo(0.00013, 15);
    expect(Math.sqrt(ewma.covariance()[0] as number)).toBeCloseTo(0.0114, 4);
    expect(new EwmaCovariance(3).lambda).toBe(0.94);
  });

  it('unseeded, one update gives r rᵀ (bias-corrected zero start)', () => {
    const ewma = new EwmaCovariance(2);
    expect(Array.from(ewma.covariance())).toEqual([0, 0, 0, 0]);
    ewma.update([0.02, -0.01]);
    const sigma = Array.from(ewma.covariance());
    [0.0004, -0.0002, -0.0002, 0.0001].forEach((v, i) => expect(sigma[i]).toBeCloseTo(v, 15));
  });

  it('rejects bad input', () => {
    expect(() => new EwmaCovariance(2, { lambda: 1 })).toThrow('lambda');
    expect(() => new EwmaCovariance(2).update([1])).toThrow('2 entries');
    expect(() => new EwmaCovariance(2).update([1, Number.NaN])).toThrow('returns[1]');
  });

  it('property: incremental updates equal the batch EWMA over the same history', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 60 })),
        ),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        ([n, rows], lambda) => {
          const ewma = new EwmaCovariance(n, { lambda });
          rows.forEach((row) => ewma.update(row));
          const columns = Array.from({ length: n }, (_, i) => Float64Array.from(rows.map((row) => row[i] as number)));
          const batch = ewmaCovarianceOf(columns, rows.length, lambda);
          const incremental = ewma.covariance();
          batch.forEach((v, k) => expect(incremental[k]).toBeCloseTo(v, 12));
        },
      ),
    );
  });
});
