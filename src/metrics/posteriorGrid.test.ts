import { describe, expect, it } from 'vitest';
import {
  boundsFromWeights,
  gaussianOnGrid,
  gridPoints,
  klOnGrid,
  logGaussian,
  logJoint,
  logPrior,
  massWindow,
  posteriorOnGrid,
  type GridWindow,
} from './posteriorGrid.ts';
import { mulberry32 } from '../data/random.ts';

// A linear Gaussian model where everything is known in closed form:
//   p(z) = N(0, I),  p(x|z) = N(x; a ⊙ z, s² I)  (a diagonal decoder)
//   p(z|x) = N(m, v) per dimension: v = 1 / (1 + a²/s²),  m = v · a x / s²
//   p(x)   = N(x; 0, a² + s²) per dimension
type Pair = [number, number];
/** f of each dimension, as a pair. */
const pair = (f: (d: 0 | 1) => number): Pair => [f(0), f(1)];
const a: Pair = [2, 0.5];
const s = 0.3;
const x: Pair = [1.2, -0.4];
const v = pair((d) => 1 / (1 + (a[d] * a[d]) / (s * s)));
const m = pair((d) => (v[d] * a[d] * x[d]) / (s * s));
const sd = pair((d) => Math.sqrt(v[d]));
const logPx = [0, 1].reduce((sum, d) => {
  const variance = a[d as 0 | 1] ** 2 + s * s;
  return sum - x[d as 0 | 1] ** 2 / (2 * variance) - 0.5 * Math.log(2 * Math.PI * variance);
}, 0);
const logLik = (z0: number, z1: number) => logGaussian(x[0], x[1], [a[0] * z0, a[1] * z1], [s, s]);

function jointOn(w: GridWindow, res: number): Float64Array {
  const points = gridPoints(w, res);
  const lik = new Float64Array(res * res).map((_, i) => logLik(points[2 * i]!, points[2 * i + 1]!));
  return logJoint(lik, points);
}

/** log w for n samples of q = N(mu, sigma²): log p(x|z) + log p(z) − log q(z). */
function logWeights(mu: Pair, sigma: Pair, n: number): Float64Array {
  const rand = mulberry32(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return new Float64Array(n).map(() => {
    const z0 = mu[0] + sigma[0] * normal();
    const z1 = mu[1] + sigma[1] * normal();
    return logLik(z0, z1) + logPrior(z0, z1) - logGaussian(z0, z1, mu, sigma);
  });
}

describe('the posterior on a grid', () => {
  const coarse: GridWindow = { cx: 0, cy: 0, half: 4 };
  const fine = massWindow(jointOn(coarse, 32), coarse, 32, { mu: [0, 0], sigma: [1, 1] });
  const { posterior, logEvidence } = posteriorOnGrid(jointOn(fine, 48), fine, 48);

  it('puts the grid where the mass is and sums to 1', () => {
    expect(fine.cx - fine.half).toBeLessThan(m[0] - 4 * sd[0]);
    expect(fine.cx + fine.half).toBeGreaterThan(m[0] + 4 * sd[0]);
    expect(posterior.reduce((t, p) => t + p, 0)).toBeCloseTo(1, 5);
  });

  it('finds log p(x) by summing the grid', () => {
    expect(logEvidence).toBeCloseTo(logPx, 3);
  });

  it('has its mean at the closed-form posterior mean', () => {
    const points = gridPoints(fine, 48);
    const mean = pair((d) => posterior.reduce((t, p, i) => t + p * points[2 * i + d]!, 0));
    expect(mean[0]).toBeCloseTo(m[0], 3);
    expect(mean[1]).toBeCloseTo(m[1], 3);
  });

  it('gives ELBO = IWAE = log p(x) when q is the true posterior', () => {
    const { elbo, iwae, iwaeSe } = boundsFromWeights(logWeights(m, sd, 256), 64);
    expect(elbo).toBeCloseTo(logPx, 9);
    expect(iwae).toBeCloseTo(logPx, 9);
    expect(iwaeSe).toBeCloseTo(0, 9);
  });

  it('orders ELBO ≤ IWAE ≤ log p(x) and measures the gap as KL(q ‖ p(z|x))', () => {
    const mu: Pair = [m[0] + 0.1, m[1] - 0.3];
    const sigma: Pair = [sd[0] * 1.5, sd[1] * 0.7];
    const { elbo, iwae, iwaeSe } = boundsFromWeights(logWeights(mu, sigma, 4096), 64);
    expect(iwaeSe).toBeGreaterThan(0);
    expect(iwaeSe).toBeLessThan(0.05);
    // KL between the two diagonal Gaussians, in closed form.
    const kl = pair(
      (d) => Math.log(sd[d] / sigma[d]) + (sigma[d] ** 2 + (mu[d] - m[d]) ** 2) / (2 * v[d]) - 0.5,
    ).reduce((t, k) => t + k, 0);
    expect(elbo).toBeLessThan(iwae);
    expect(iwae).toBeLessThan(logPx);
    expect(logPx - elbo).toBeCloseTo(kl, 1);
    const q = gaussianOnGrid(mu, sigma, fine, 48);
    expect(klOnGrid(q, posterior)).toBeCloseTo(kl, 2);
  });

  it('keeps q in the window when it is far from the posterior', () => {
    const w = massWindow(jointOn(coarse, 32), coarse, 32, { mu: [-3, 3], sigma: [0.2, 0.2] });
    expect(w.cx - w.half).toBeLessThan(-3.59);
    expect(w.cy + w.half).toBeGreaterThan(3.59);
    expect(w.cx + w.half).toBeGreaterThan(m[0]);
  });
});
