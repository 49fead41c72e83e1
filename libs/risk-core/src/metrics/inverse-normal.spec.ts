import { inverseNormalCdf, normalEsMultiplier, normalPdf, zScore } from './inverse-normal';

describe('inverseNormalCdf (Wichura AS241)', () => {
  // Reference quantiles: scipy.stats.norm.ppf (double precision), the values the brief fixes for z(0.95), z(0.99),
  // z(0.975); 0.9 and 0.75 from the same function. Tolerance 1e-9 absolute (precision 9).
  it.each([
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.75, 0.6744897501960817],
    [0.5, 0],
    [0.05, -1.6448536269514722],
    [0.01, -2.3263478740408408],
  ])('Φ⁻¹(%p) = %p', (p, z) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(z, 9);
  });

  it('covers the far tail (r > 5 branch): Φ⁻¹(1e-20) ≈ −9.262340089798 (scipy norm.ppf, 13 significant digits)', () => {
    expect(inverseNormalCdf(1e-20)).toBeCloseTo(-9.262340089798, 9);
  });

  it('is ±Infinity at the ends and rejects values outside [0, 1]', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(() => inverseNormalCdf(1.5)).toThrow('probability');
    expect(() => inverseNormalCdf(Number.NaN)).toThrow('probability');
  });

  it('inverts the normal CDF: Φ(Φ⁻¹(p)) = p by numerically integrating φ (independent of the rational fit)', () => {
    for (const p of [0.6, 0.9, 0.95, 0.99, 0.999]) {
      const z = zScore(p);
      // Simpson's rule for ∫₀^z φ, plus Φ(0) = 1/2.
      const steps = 2000;
      const h = z / steps;
      let sum = normalPdf(0) + normalPdf(z);
      for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * normalPdf(i * h);
      expect(0.5 + (sum * h) / 3).toBeCloseTo(p, 10);
    }
  });

  // McNeil, Frey & Embrechts, Quantitative Risk Management (2005), §2.2.4: normal ES_α = σ·φ(Φ⁻¹(α))/(1 − α);
  // 2.063 at 95% and 2.665 at 99% (their comparison of VaR and ES for the normal).
  it('gives the normal expected-shortfall multipliers 2.0627 (95%) and 2.6652 (99%)', () => {
    expect(normalEsMultiplier(0.95)).toBeCloseTo(2.0627128, 6);
    expect(normalEsMultiplier(0.99)).toBeCloseTo(2.6652142, 6);
  });
});
