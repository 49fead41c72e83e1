export interface CholeskyResult {
  /** Lower-triangular L (row-major N×N, zeros above the diagonal) with L·Lᵀ = A + jitter·I. */
  lower: Float64Array;
  /** Diagonal load added to make the factorisation succeed; 0 when A factored as given. */
  jitter: number;
  /** Pivots treated as exactly zero (a token with no variance, or a perfectly collinear one). */
  zeroPivots: number;
}

/** Pivots below this fraction of the largest diagonal are rounding dust, i.e. zero. */
const ZERO_PIVOT_TOLERANCE = 1e-12;
const JITTER_STEPS = [1e-12, 1e-10, 1e-8, 1e-6, 1e-4] as const;

/**
 * Cholesky factor of a symmetric positive-semidefinite matrix (row-major N×N), for correlating Monte Carlo normals.
 *
 * Semidefinite handling, in order:
 * 1. A pivot within ±1e-12·max(diag) of zero whose column below is also (numerically) zero is a genuine zero-variance
 *    direction: its column of L is set to zero, and the factor still satisfies L·Lᵀ = A exactly (a flat stablecoin,
 *    a token duplicated in the book).
 * 2. Otherwise, if a pivot goes negative or a zero pivot has a non-zero column (A is indefinite by rounding, e.g. an
 *    EWMA matrix of nearly collinear tokens), the factorisation is retried on A + ε·mean(diag)·I with ε stepping
 *    through 1e-12 … 1e-4; the load used is reported as `jitter` (absolute, in variance units).
 * 3. If even ε = 1e-4 fails the matrix is not a covariance matrix and an Error is thrown.
 *
 * `out` is reused when given (no allocation on the hot path).
 */
export function cholesky(matrix: Float64Array, dimension: number, out = new Float64Array(dimension * dimension)): CholeskyResult {
  if (matrix.length < dimension * dimension) throw new Error(`matrix must have ${dimension * dimension} entries, got ${matrix.length}`);
  let maxDiagonal = 0;
  let sumDiagonal = 0;
  for (let i = 0; i < dimension; i++) {
    const d = matrix[i * dimension + i] as number;
    if (!Number.isFinite(d)) throw new Error(`matrix[${i}][${i}] is not finite: ${d}`);
    maxDiagonal = Math.max(maxDiagonal, Math.abs(d));
    sumDiagonal += d;
  }
  const firstTry = factor(matrix, dimension, out, 0, ZERO_PIVOT_TOLERANCE * maxDiagonal);
  if (firstTry >= 0) return { lower: out, jitter: 0, zeroPivots: firstTry };
  const meanDiagonal = Math.max(sumDiagonal / dimension, Number.MIN_VALUE);
  for (const step of JITTER_STEPS) {
    const jitter = step * meanDiagonal;
    const zeroPivots = factor(matrix, dimension, out, jitter, ZERO_PIVOT_TOLERANCE * (maxDiagonal + jitter));
    if (zeroPivots >= 0) return { lower: out, jitter, zeroPivots };
  }
  throw new Error('matrix is not positive semidefinite, even with 1e-4 diagonal loading');
}

/** Cholesky–Banachiewicz, row by row. Returns the count of zero pivots, or −1 when A + jitter·I is not PSD. */
function factor(a: Float64Array, n: number, l: Float64Array, jitter: number, tolerance: number): number {
  l.fill(0, 0, n * n);
  let zeroPivots = 0;
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = (a[rowI + j] as number) + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) sum -= (l[rowI + k] as number) * (l[rowJ + k] as number);
      if (i === j) {
        if (sum > tolerance) {
          l[rowI + i] = Math.sqrt(sum);
        } else if (sum >= -tolerance) {
          zeroPivots++; // l[i][i] stays 0; later rows must then have a zero entry in this column
        } else {
          return -1;
        }
      } else {
        const pivot = l[rowJ + j] as number;
        if (pivot > 0) {
          l[rowI + j] = sum / pivot;
        } else if (Math.abs(sum) > Math.sqrt(tolerance * Math.max(tolerance, Math.abs(a[rowI + i] as number)))) {
          return -1; // a zero-variance direction with non-zero covariance: indefinite
        }
      }
    }
  }
  return zeroPivots;
}
