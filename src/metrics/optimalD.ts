// The optimal discriminator of a GAN against its generator as it is now (Goodfellow et al.,
// 2014, Proposition 1):
//   D*(x) = p_data(x) / (p_data(x) + p_g(x)),
// with p_data known in closed form (2-D toy sets) and p_g estimated from G's samples by a
// Gaussian kernel density estimate, bandwidth by Scott's rule for 2-D, h = σ̂ · n^(−1/6) per
// axis. Where neither density has mass, D* is ½: nothing to tell apart.

/** Scott's bandwidths (x, y) for (x, y) pairs. */
export function scottBandwidth(points: Float32Array): [number, number] {
  const n = points.length / 2;
  const sd = (k: 0 | 1) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += points[2 * i + k]!;
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (points[2 * i + k]! - m) ** 2;
    return Math.sqrt(v / Math.max(1, n - 1));
  };
  const f = n ** (-1 / 6);
  // A floor, so a generator collapsed onto one point still has a density.
  return [Math.max(1e-3, sd(0) * f), Math.max(1e-3, sd(1) * f)];
}

/** The kernel density estimate of `points` at (x, y), with product Gaussian kernels. */
export function kde(
  points: Float32Array,
  [hx, hy]: [number, number],
  x: number,
  y: number,
): number {
  const n = points.length / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = (x - points[2 * i]!) / hx;
    const v = (y - points[2 * i + 1]!) / hy;
    sum += Math.exp(-(u * u + v * v) / 2);
  }
  return sum / (n * 2 * Math.PI * hx * hy);
}

/**
 * D* on a grid: `pData` holds p_data at each of the grid's (x, y) `centres`; p_g is the KDE
 * of `fake`. Returns D* per cell, in [0, 1].
 */
export function optimalDiscriminator(
  pData: Float32Array,
  centres: Float32Array,
  fake: Float32Array,
): Float32Array {
  const h = scottBandwidth(fake);
  const out = new Float32Array(pData.length);
  for (let i = 0; i < pData.length; i++) {
    const pg = kde(fake, h, centres[2 * i]!, centres[2 * i + 1]!);
    const pd = pData[i]!;
    out[i] = pd + pg > 1e-12 ? pd / (pd + pg) : 0.5;
  }
  return out;
}
