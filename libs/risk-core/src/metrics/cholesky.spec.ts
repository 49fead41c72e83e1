import { cholesky } from './cholesky';

const multiplyLowerByTranspose = (l: Float64Array, n: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += (l[i * n + k] as number) * (l[j * n + k] as number);
    out.push(sum);
  }
  return out;
};

describe('cholesky', () => {
  // Wikipedia, "Cholesky decomposition", section "Example": [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] =
  // L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
  it('reproduces the Wikipedia worked example', () => {
    const { lower, jitter, zeroPivots } = cholesky(Float64Array.of(4, 12, -16, 12, 37, -43, -16, -43, 98), 3);
    expect(Array.from(lower)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    expect(jitter).toBe(0);
    expect(zeroPivots).toBe(0);
  });

  // Maxima manual example (maxima-online.org/tags/index/cholesky): [[9, −6, 3], [−6, 20, −14], [3, −14, 14]] →
  // [[3, 0, 0], [−2, 4, 0], [1, −3, 2]].
  it('reproduces the Maxima example', () => {
    expect(Array.from(cholesky(Float64Array.of(9, -6, 3, -6, 20, -14, 3, -14, 14), 3).lower)).toEqual([3, 0, 0, -2, 4, 0, 1, -3, 2]);
  });

  it('factors a semidefinite matrix exactly: a zero-variance token and a duplicated token', () => {
    // Token 2 has no variance; token 3 duplicates token 1 (rank 1 in that pair).
    const a = Float64Array.of(0.04, 0, 0.04, 0, 0, 0, 0.04, 0, 0.04);
    const { lower, jitter, zeroPivots } = cholesky(a, 3);
    expect(jitter).toBe(0);
    expect(zeroPivots).toBe(2);
    multiplyLowerByTranspose(lower, 3).forEach((v, k) => expect(v).toBeCloseTo(a[k] as number, 15));
  });

  it('loads the diagonal when rounding makes the matrix slightly indefinite, and reports the jitter', () => {
    // Perfect correlation of two tokens with a correlation entry nudged just above 1.
    const a = Float64Array.of(1, 1 + 1e-9, 1 + 1e-9, 1);
    const { lower, jitter } = cholesky(a, 2);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThanOrEqual(1e-4);
    multiplyLowerByTranspose(lower, 2).forEach((v, k) => expect(v).toBeCloseTo((a[k] as number) + (k % 3 === 0 ? jitter : 0), 12));
  });

  it('rejects a matrix that is not a covariance matrix', () => {
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow('not positive semidefinite');
  });
});
