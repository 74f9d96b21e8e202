import { describe, expect, it } from 'vitest';
import { frechetDistance, gaussianStats, symmetricEigen } from './frechet.ts';
import { mulberry32 } from '../data/random.ts';
import { makeRand } from '../data/toy2d.ts';

/** n samples of N(shift·1, diag(scale²)) in `dim` dimensions. */
function gaussianSamples(seed: number, n: number, dim: number, shift = 0, scale = 1) {
  const rand = makeRand(mulberry32(seed));
  return Float64Array.from({ length: n * dim }, () => shift + scale * rand.normal());
}

describe('Fréchet distance', () => {
  it('mean and covariance of a known set', () => {
    // Rows (0, 0), (2, 2), (4, 1): means (2, 1); centred x −2, 0, 2 and y −1, 1, 0, so
    // var x = 8/2 = 4, var y = 2/2 = 1, cov = ((−2)(−1) + 0 + 0)/2 = 1
    const s = gaussianStats([0, 0, 2, 2, 4, 1], 2);
    expect(Array.from(s.mean)).toEqual([2, 1]);
    expect(Array.from(s.cov)).toEqual([4, 1, 1, 1]);
  });

  it('eigenvalues of a symmetric matrix, and V Λ Vᵀ gives it back', () => {
    const m = [4, 1, 0, 1, 3, 1, 0, 1, 2];
    const { values, vectors } = symmetricEigen(m, 3);
    expect([...values].sort((a, b) => a - b)).toEqual([
      expect.closeTo(3 - Math.sqrt(3), 10),
      expect.closeTo(3, 10),
      expect.closeTo(3 + Math.sqrt(3), 10),
    ]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let v = 0;
        for (let k = 0; k < 3; k++) v += vectors[i * 3 + k]! * values[k]! * vectors[j * 3 + k]!;
        expect(v).toBeCloseTo(m[i * 3 + j]!, 10);
      }
    }
  });

  it('matches the closed form for diagonal Gaussians: ‖Δμ‖² + Σ (σ₁ − σ₂)²', () => {
    const a = { dim: 2, mean: new Float64Array([0, 0]), cov: new Float64Array([4, 0, 0, 1]) };
    const b = { dim: 2, mean: new Float64Array([3, 4]), cov: new Float64Array([1, 0, 0, 9]) };
    // 25 + (2 − 1)² + (1 − 3)² = 30
    expect(frechetDistance(a, b)).toBeCloseTo(30, 8);
    expect(frechetDistance(b, a)).toBeCloseTo(30, 8);
  });

  it('two samples of the same Gaussian score near 0, and the score grows with the shift', () => {
    const dim = 16;
    const base = gaussianStats(gaussianSamples(1, 2000, dim), dim);
    const same = frechetDistance(base, gaussianStats(gaussianSamples(2, 2000, dim), dim));
    // Sampling noise only: far below one unit of shift in one dimension.
    expect(same).toBeLessThan(0.3);
    const scores = [0.5, 1, 2].map((shift) =>
      frechetDistance(base, gaussianStats(gaussianSamples(3, 2000, dim, shift), dim)),
    );
    expect(scores[0]).toBeGreaterThan(same);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[2]).toBeGreaterThan(scores[1]!);
    // A shift of s in every dimension adds ‖Δμ‖² = dim·s² to the distance.
    expect(scores[2]).toBeCloseTo(dim * 4, -1);
  });

  it('a wider spread counts too, not only a shift of the mean', () => {
    const dim = 8;
    const base = gaussianStats(gaussianSamples(4, 2000, dim), dim);
    const wide = gaussianStats(gaussianSamples(5, 2000, dim, 0, 2), dim);
    // dim · (2 − 1)² = 8
    expect(frechetDistance(base, wide)).toBeCloseTo(8, -0.5);
  });
});
