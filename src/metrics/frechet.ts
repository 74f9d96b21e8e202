// The Fréchet distance between two sets of feature vectors, each summarised as a Gaussian
// (mean, covariance): the FID idea (Heusel et al. 2017), here on a digit classifier's features.
//
//   FD = ‖μ₁ − μ₂‖² + Tr(Σ₁) + Tr(Σ₂) − 2 Tr((Σ₁ Σ₂)^½)
//
// (Σ₁Σ₂)^½ is not symmetric, but its trace is: with A = Σ₁^½ (symmetric), Σ₁Σ₂ is similar to
// A Σ₂ A, which is symmetric positive semi-definite, so Tr((Σ₁Σ₂)^½) = Σᵢ √λᵢ(A Σ₂ A).
// Everything is float64 on the host: the matrices are feature-sized (64 × 64), not data-sized.

export interface GaussianStats {
  dim: number;
  mean: Float64Array;
  /** dim × dim, row-major, with the n − 1 denominator. */
  cov: Float64Array;
}

/** Mean and covariance of n rows of `dim` features (row-major). */
export function gaussianStats(features: ArrayLike<number>, dim: number): GaussianStats {
  const n = Math.floor(features.length / dim);
  if (n < 2) throw new Error('the Fréchet distance needs at least two samples');
  const mean = new Float64Array(dim);
  for (let r = 0; r < n; r++) for (let j = 0; j < dim; j++) mean[j]! += features[r * dim + j]!;
  for (let j = 0; j < dim; j++) mean[j]! /= n;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < dim; j++) centred[j] = features[r * dim + j]! - mean[j]!;
    for (let i = 0; i < dim; i++) {
      const ci = centred[i]!;
      if (ci === 0) continue;
      for (let j = i; j < dim; j++) cov[i * dim + j]! += ci * centred[j]!;
    }
  }
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      const v = cov[i * dim + j]! / (n - 1);
      cov[i * dim + j] = v;
      cov[j * dim + i] = v;
    }
  }
  return { dim, mean, cov };
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: returns the eigenvalues
 * and the eigenvectors as the columns of a row-major matrix. Accurate for small matrices.
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number) {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i * n + j]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation angle that zeroes a[p][q]: tan(2θ) = 2 a_pq / (a_qq − a_pp).
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

/** Σ^½ of a symmetric positive semi-definite matrix (negative round-off eigenvalues → 0). */
function sqrtPsd(m: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(m, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const r = Math.sqrt(Math.max(0, values[k]!));
    if (r === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k]! * r;
      for (let j = 0; j < n; j++) out[i * n + j]! += vik * vectors[j * n + k]!;
    }
  }
  return out;
}

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += aik * b[k * n + j]!;
    }
  }
  return out;
}

export function frechetDistance(x: GaussianStats, y: GaussianStats): number {
  const n = x.dim;
  if (y.dim !== n) throw new Error('the two feature sets differ in size');
  let meanTerm = 0;
  for (let i = 0; i < n; i++) meanTerm += (x.mean[i]! - y.mean[i]!) ** 2;
  let traces = 0;
  for (let i = 0; i < n; i++) traces += x.cov[i * n + i]! + y.cov[i * n + i]!;
  const a = sqrtPsd(x.cov, n);
  const { values } = symmetricEigen(multiply(multiply(a, y.cov, n), a, n), n);
  let cross = 0;
  for (const v of values) cross += Math.sqrt(Math.max(0, v));
  // Round-off can leave a tiny negative number for identical sets.
  return Math.max(0, meanTerm + traces - 2 * cross);
}
